package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API exports one package, and nothing else of the module is reachable (STYLE habit 6). */
class ModuleExportsTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static ModuleDescriptor compiledDescriptor() {
        return ModuleFinder.of(CLASSES).find("org.ceerules.api").orElseThrow().descriptor();
    }

    @Test
    void exportsExactlyThePackageOrgCeerulesApi() {
        ModuleDescriptor descriptor = compiledDescriptor();
        assertThat(descriptor.name()).isEqualTo("org.ceerules.api");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("org.ceerules.api", "org.ceerules.api.spi");
        assertThat(descriptor.exports()).as("exported to everyone").noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.packages()).containsExactlyInAnyOrder("org.ceerules.api", "org.ceerules.api.spi");
    }

    @Test
    void requiresNothingButTheJdkBaseAndUsesTheRouterService() {
        ModuleDescriptor descriptor = compiledDescriptor();
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .containsExactly("java.base");
        assertThat(descriptor.uses()).containsExactly("org.ceerules.api.spi.RouterProvider");
        assertThat(descriptor.provides()).isEmpty();
    }

    @Test
    void theModuleInfoClassReadsTheSame() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            ModuleDescriptor read = ModuleDescriptor.read(in);
            assertThat(read.exports()).isEqualTo(compiledDescriptor().exports());
        }
    }

    @Test
    void theRunningModuleExportsTheSame() {
        Module module = Router.class.getModule();
        assumeTrue(module.isNamed(), "the tests run on the class path");
        assertThat(module.getDescriptor().exports()).isEqualTo(compiledDescriptor().exports());
        assertThat(module.isExported("org.ceerules.api")).isTrue();
    }

    /** The public surface of the package, pinned: a new public type is a decision, not an accident. */
    @Test
    void thePackageHasExactlyThesePublicTypesAndKeepsItsHelpersPrivate() throws Exception {
        Set<String> publicTypes = new TreeSet<>();
        Set<String> otherTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(CLASSES.resolve("org/ceerules/api"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                String simpleName = name.substring(0, name.length() - ".class".length());
                Class<?> type = Class.forName("org.ceerules.api." + simpleName);
                (Modifier.isPublic(type.getModifiers()) ? publicTypes : otherTypes).add(simpleName);
            }
        }
        assertThat(publicTypes).containsExactlyInAnyOrder("Account", "AssignmentAdvice", "Center", "CenterId", "CenterOpening", "Certainty", "Citation", "DrawbackCenter", "EntryLine", "HtsNumber", "IndustryScope",
                "EntrySummary", "FiredRule", "InvalidRequestException", "Jurisdiction", "KnowledgeBaseException",
                "KnowledgeBaseProblem", "KnowledgeBaseRule", "Office", "OfficeType", "PortOfEntry", "RegulationsAndRulings", "Route", "Source", "SubjectAbbreviation", "Submission", "TeamNumber",
                "Router", "Routers", "RoutingDecision", "RoutingRequest", "RoutingResult", "TradeFunction",
                "Violation");
        assertThat(otherTypes).containsExactlyInAnyOrder("AssignmentAdvisor", "Checks", "DataFile");
    }
}
