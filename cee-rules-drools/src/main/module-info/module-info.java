/**
 * The Drools router of cee-rules, provided to {@code org.ceerules.api} through {@link
 * java.util.ServiceLoader}. The Drools jars are automatic modules (their Automatic-Module-Name).
 */
module org.ceerules.drools {
    requires transitive org.ceerules.api;
    requires org.slf4j;
    requires org.kie.api;
    requires org.drools.canonicalmodel;
    requires org.drools.modelcompiler;
    requires org.drools.core;
    // the DRL compiler, optional: loading a rule set from a directory (DrlCompiler says when it is missing)
    requires static org.drools.model.codegen;

    exports org.ceerules.drools;
    exports org.ceerules.drools.facts;

    // the embedded rule set's files, read as class-path resources (RuleSetFiles): resources of a named
    // module's packages are found through ClassLoader.getResource only where the package is open
    opens org.ceerules.rules;
    opens org.ceerules.rules.data;
    opens org.ceerules.rules.drl;

    provides org.ceerules.api.spi.RouterProvider with org.ceerules.drools.DroolsRouterProvider;
}
