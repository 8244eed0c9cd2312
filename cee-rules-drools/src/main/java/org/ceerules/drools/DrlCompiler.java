package org.ceerules.drools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the Drools DRL compiler is on the class or module path. The embedded rules need it not
 * (the build compiled them); a rule set loaded from a directory does, and cee-rules-drools
 * declares it optional: a host that loads rule sets adds {@value #ARTIFACT}.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class DrlCompiler {

    /** The artifact that brings the whole compiler (its dependencies bring the rest). */
    static final String ARTIFACT = "org.drools:drools-engine";

    /** A class of each artifact that loading a rule set from a directory needs, with the artifact. */
    private static final Map<String, String> MARKERS = markers();

    private DrlCompiler() {
    }

    private static Map<String, String> markers() {
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("org.drools.model.codegen.ExecutableModelProject", "org.drools:drools-model-codegen");
        markers.put("org.drools.compiler.kie.builder.impl.KieServicesImpl", "org.drools:drools-compiler");
        markers.put("org.drools.drl.parser.DrlParser", "org.drools:drools-drl-parser");
        markers.put("com.github.javaparser.JavaParser", "com.github.javaparser:javaparser-core");
        markers.put("org.drools.mvelcompiler.MvelCompiler", "org.drools:drools-mvel-compiler");
        // the compiler defines classes at run time; without it: UnsupportedOperationException
        markers.put("org.drools.wiring.dynamic.DynamicComponentsSupplier", "org.drools:drools-wiring-dynamic");
        return markers;
    }

    /** @return the artifacts of the compiler missing from the path; empty if it is all there */
    static List<String> missing() {
        ClassLoader loader = DrlCompiler.class.getClassLoader();
        return MARKERS.entrySet().stream().filter(marker -> {
            try {
                Class.forName(marker.getKey(), false, loader);
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).map(Map.Entry::getValue).toList();
    }

    /**
     * @param what what needs the compiler, for the message
     * @throws IllegalStateException naming the artifacts to add if the compiler is missing
     */
    static void require(String what) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(what + " compiles its DRL, which needs the Drools DRL compiler: add "
                    + ARTIFACT + " (version of the Drools that cee-rules-drools uses) to the class or module path; "
                    + "missing: " + String.join(", ", missing)
                    + ". The embedded rules (Routers.defaultRouter()) need no compiler.");
        }
    }
}
