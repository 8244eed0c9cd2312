package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's application as a named module, on the module path a host gets from cee-rules-drools
 * alone (run by the surefire execution lean-runtime: no DRL compiler): its descriptor requires
 * only {@code org.ceerules.api}; {@code java --module-path ... --module app/app.Main}, with no
 * other flag, finds the router through the service binding and routes a request.
 */
class ModulePathIT {

    /** What a host's module path holds: the API, this module, the Drools runtime, slf4j's API. */
    private static boolean runtime(String entry) {
        String path = entry.replace('\\', '/');
        return path.contains("/cee-rules-api") || path.endsWith("cee-rules-drools/target/classes")
                || path.contains("/org/drools/") || path.contains("/org/kie/") || path.contains("/slf4j-api-");
    }

    @Test
    void aNamedModuleRoutesWithNoExtraFlag(@TempDir Path dir) throws Exception {
        List<String> modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(ModulePathIT::runtime).toList();
        assertThat(modulePath).as("the module path").anyMatch(e -> e.endsWith("classes"));

        Path src = dir.resolve("src/app");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires org.ceerules.api; }\n");
        Files.writeString(src.resolve("app/Main.java"), """
                package app;

                import java.time.LocalDate;
                import java.util.List;
                import org.ceerules.api.*;

                public class Main {
                    public static void main(String[] args) {
                        RoutingRequest request = RoutingRequest.builder()
                                .asOf("2016-05-02")
                                .importerNumber("12-345678900").accountName("Nokia Inc").center("007")
                                .participationStart("2014-03-01").withdrawalEffective("2017-01-01")
                                .entryNumber("345-6789012-3").entryType("01").portOfEntry("2704")
                                .entryDate("2016-04-20")
                                .line("8517.62.0090", "125000.00", "A-570-000")
                                .build();
                        RoutingResult result = Routers.defaultRouter().route(request);
                        System.out.println(result instanceof RoutingResult.Routed routed
                                ? "routed " + routed.decision().center().map(Center::teamCode).orElse("none")
                                        + " by " + Router.class.getModule().getName()
                                : "rejected " + result);
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        Process javac = new ProcessBuilder(jdkTool("javac"), "--release", "17", "-d", classes.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString())
                .redirectErrorStream(true).start();
        String compiling = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(javac.exitValue()).as(compiling).isZero();

        List<String> command = new ArrayList<>(List.of(jdkTool("java"),
                "--module-path", classes + File.pathSeparator + String.join(File.pathSeparator, modulePath),
                "--module", "app/app.Main"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("output of %s", command).contains("routed 007 by org.ceerules.api");
        assertThat(java.exitValue()).as(output).isZero();
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
