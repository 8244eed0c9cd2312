/**
 * The facts the knowledge base reasons over. Public only because the rules' generated code must
 * reach them: they are not part of the cee-rules API and may change in any release.
 *
 * <p>Every fact is immutable and thread-safe once constructed; each decision works on its own.
 */
package org.ceerules.drools.facts;
