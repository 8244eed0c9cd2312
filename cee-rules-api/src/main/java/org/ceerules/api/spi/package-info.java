/**
 * The service provider interface: what an implementation of cee-rules registers for {@link
 * java.util.ServiceLoader} so that {@link org.ceerules.api.Routers} finds it. Hosts do not use
 * this package.
 */
package org.ceerules.api.spi;
