package org.ceerules.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * The embedded rules as the build compiled them: {@code kie-maven-plugin} (goal {@code build},
 * see this module's pom) turns the DRL into Drools executable-model classes and lists them in
 * {@value #MODEL_LIST}. Loading them is instantiating classes: no DRL is parsed and no Java
 * compiled at start.
 *
 * <p>Loading goes straight from the list to {@link KieBaseBuilder} (drools-model-compiler): not
 * through {@code KieServices.getKieClasspathContainer()}, whose reading of {@code kmodule.xml}
 * needs drools-xml-support and XStream. {@code KieBaseBuilder} is a Drools class outside the
 * KIE API; this adapter is the only code that uses it, and {@code PrecompiledRulesTest} fails
 * the build if a Drools upgrade changes what it does.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class PrecompiledRules {

    /** Where kie-maven-plugin lists the model classes of this module (its groupId and artifactId). */
    static final String MODEL_LIST = "META-INF/kie/org.ceerules/cee-rules-drools/drools-model";
    private static final String VERSION_HEADER = "Drools-Model-Version:";

    private PrecompiledRules() {
    }

    /**
     * @param loader where the list and the classes are
     * @return the knowledge base of the models listed, or empty if there is no list (the rules
     *         were not compiled at build time: an IDE build, for instance)
     * @throws IllegalStateException if the list names a class that cannot be loaded as a model
     */
    static Optional<KieBase> load(ClassLoader loader) {
        Optional<List<String>> classes = modelClasses(loader);
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        List<Model> models = new ArrayList<>();
        for (String name : classes.get()) {
            models.add(instantiate(loader, name));
        }
        // the configuration from drools-core, not KieServices.get().newKieBaseConfiguration() (what the
        // KieBaseOption... overload calls): KieServices is implemented in drools-compiler, which the
        // precompiled rules do not need
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration();
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return Optional.of(KieBaseBuilder.createKieBaseFromModel(models, configuration));
    }

    /** The class names of the list, without its version header; empty if there is no list. */
    static Optional<List<String>> modelClasses(ClassLoader loader) {
        String text;
        try (InputStream in = loader.getResourceAsStream(MODEL_LIST)) {
            if (in == null) {
                return Optional.empty();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_LIST, e);
        }
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith(VERSION_HEADER)) {
                names.add(name);
            }
        }
        return Optional.of(List.copyOf(names));
    }

    private static Model instantiate(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            return (Model) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException
                 | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(MODEL_LIST + " names " + name
                    + ", which is not a loadable executable model: rebuild the rule set", e);
        }
    }
}
