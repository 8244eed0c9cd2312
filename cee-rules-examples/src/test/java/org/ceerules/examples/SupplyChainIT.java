package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supply chain of what users run, read from the runnable jar itself ({@code target/cee-rules.jar},
 * every class of the runtime class path merged): no library that maps XML or binary data to objects
 * or reads Office documents (XStream, Apache POI, Jackson databind, SnakeYAML, Commons Collections
 * 3), and no class of cee-rules (the API, the router, the CLI and the classes compiled from the
 * rules) that so much as refers to Java deserialization, XML decoding of beans, script engines, JNDI
 * or the running of processes, so that no input can be deserialized or evaluated by them. The
 * enforcer's bannedDependencies rule (parent pom) stops the build before such a library gets in;
 * this test proves what came out.
 */
class SupplyChainIT {

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));

    /** Packages of libraries that must not be on the runtime class path. */
    static final List<String> BANNED_PACKAGES = List.of("com/thoughtworks/xstream/", "org/apache/poi/",
            "com/fasterxml/jackson/databind/", "org/yaml/snakeyaml/", "org/apache/commons/collections/",
            "org/codehaus/groovy/", "org/mvel2/");

    /**
     * Classes, and methods ({@code class.method}), that cee-rules' own classes must not refer to:
     * each one turns data into objects or code, or runs a program.
     */
    private static final Set<String> FORBIDDEN_REFERENCES = Set.of("java/io/ObjectInputStream",
            "java/io/ObjectInput", "java/beans/XMLDecoder", "javax/script/ScriptEngineManager",
            "javax/script/ScriptEngine", "javax/naming/InitialContext", "javax/naming/Context",
            "java/lang/ProcessBuilder", "java/lang/Runtime.exec", "java/lang/Runtime.load", "java/lang/System.load",
            "java/net/URLClassLoader", "org/mvel2/MVEL", "org/drools/mvel2/MVEL");

    private static List<String> entries;

    @BeforeAll
    static void readTheJar() throws IOException {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void noBannedLibraryIsInTheRunnableJar() {
        assertThat(entries).hasSizeGreaterThan(1_000);
        for (String banned : BANNED_PACKAGES) {
            assertThat(entries).as("classes of %s", banned).noneMatch(name -> name.startsWith(banned));
        }
    }

    @Test
    void noClassOfCeeRulesRefersToDeserializationScriptsJndiOrProcesses() throws IOException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("org/ceerules/") && entry.getName().endsWith(".class")) {
                    classes++;
                    try (InputStream in = zip.getInputStream(entry)) {
                        for (String referenced : referencedClasses(in)) {
                            if (FORBIDDEN_REFERENCES.contains(referenced)) {
                                found.add(entry.getName() + " refers to " + referenced);
                            }
                        }
                    }
                }
            }
        }
        // the API, the router, the CLI, and the rules compiled to classes (org/ceerules/rules)
        assertThat(classes).isGreaterThan(100);
        assertThat(found).isEmpty();
    }

    @Test
    void theReaderOfClassFilesSeesWhatAClassRefersTo() throws IOException {
        try (InputStream in = SupplyChainIT.class.getResourceAsStream("SupplyChainIT.class")) {
            assertThat(referencedClasses(in)).contains("java/util/zip/ZipFile", "org/assertj/core/api/Assertions",
                    "java/io/DataInputStream.readUTF", "java/util/zip/ZipFile.getInputStream");
        }
    }

    /**
     * The classes named in the constant pool of a class file (JVMS 4.4), every class it can refer
     * to, and the methods it calls, as {@code class.method}.
     */
    static Set<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classOf = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        List<Integer> classNames = new ArrayList<>();
        List<Integer> methods = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> {
                    classOf[i] = in.readUnsignedShort();
                    classNames.add(i);
                }
                case 10, 11, 12 -> {
                    // a method, an interface method (class, name and type), a name and type (name, descriptor)
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                    if (tag != 12) {
                        methods.add(i);
                    }
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNames) {
            // arrays of a class ([Ljava/io/ObjectInputStream;) refer to it too
            names.add(utf8[classOf[index]].replaceFirst("^\\[+L(.*);$", "$1"));
        }
        for (int index : methods) {
            names.add(utf8[classOf[first[index]]] + "." + utf8[first[second[index]]]);
        }
        return names;
    }
}
