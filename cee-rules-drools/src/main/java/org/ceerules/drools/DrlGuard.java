package org.ceerules.drools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.KnowledgeBaseProblem;

/**
 * The guard: a pass over the text of a rule set's DRL files that runs before any of it is
 * compiled, so that checking a rule set from elsewhere compiles and runs none of its code when
 * the guard refuses it. DRL is Java: the guard refuses what a rule set needs no access to, and
 * reduces the risk of loading one; it does not remove it (a loop without end, for one, passes).
 *
 * <p>Outside comments and string literals, it refuses:
 * <ul>
 *   <li>a {@code package} other than {@value #RULES_PACKAGE} or one below it;</li>
 *   <li>an {@code import} of any class but the {@linkplain #ALLOWED_CLASSES allowed ones} (a
 *       class of {@value #FACTS_PACKAGE}, or one of {@link #HELPERS}), and every
 *       {@code import static}, {@code import function} and {@code import accumulate};</li>
 *   <li>a name starting with a capital ({@code System}, {@code Runtime}, {@code Thread},
 *       {@code Class}) that is not an allowed class or a type the rule set declares;</li>
 *   <li>a qualified class name ({@code java.io.File}) that is not an allowed class;</li>
 *   <li>{@code eval(}, and the names of {@link #DENIED}: reflection ({@code getClass},
 *       {@code class}, {@code forName}...), {@code exit}, {@code halt}, {@code exec}, the
 *       engine's runtime ({@code kcontext}, {@code getKieRuntime}), {@code dialect} and
 *       {@code expander};</li>
 *   <li>a Unicode escape ({@code \}{@code u0053}), anywhere: the Java compiler reads it before
 *       comments and strings, so it could hide code from this pass.</li>
 * </ul>
 * Functions, queries and declared types are allowed, their text checked by the same rules; a type
 * the rule set declares may then be used by name. Every problem names the file and line, and the
 * rule it is in.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class DrlGuard {

    static final String RULES_PACKAGE = "org.ceerules.rules";
    static final String FACTS_PACKAGE = "org.ceerules.drools.facts";
    /** The classes of {@value #FACTS_PACKAGE} (a test checks that the list is the package). */
    static final List<String> FACT_CLASSES = List.of("Basis", "CenterClaim", "CenterJurisdiction", "Decided",
            "Disposition", "DrawbackOffice", "Entry", "Exclusion", "Facts", "Measure", "Participation", "Routes",
            "SurvivingClaim");
    /** The classes outside {@value #FACTS_PACKAGE} that the shipped rules import. */
    static final List<String> HELPERS = List.of("org.ceerules.api.TradeFunction",
            "org.ceerules.api.RegulationsAndRulings", "java.util.List");
    /** Every class a rule set may name, fully qualified. */
    static final Set<String> ALLOWED_CLASSES = allowedClasses();
    /** Names a rule set may not use, whatever they qualify, with why. */
    static final Map<String, String> DENIED = denied();

    private static final Set<String> SIMPLE_NAMES = simpleNames();
    private static final String WHY = "see \"A rule set is code\" in maintaining-rules.md";
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");

    private DrlGuard() {
    }

    private static Set<String> allowedClasses() {
        Set<String> classes = new LinkedHashSet<>();
        FACT_CLASSES.forEach(name -> classes.add(FACTS_PACKAGE + "." + name));
        classes.addAll(HELPERS);
        return Set.copyOf(classes);
    }

    private static Set<String> simpleNames() {
        Set<String> names = new HashSet<>();
        ALLOWED_CLASSES.forEach(name -> names.add(name.substring(name.lastIndexOf('.') + 1)));
        return Set.copyOf(names);
    }

    private static Map<String, String> denied() {
        String reflection = "reflection";
        String process = "process and JVM control";
        String engine = "the engine's runtime";
        Map<String, String> denied = new java.util.HashMap<>();
        for (String name : List.of("class", "getClass", "forName", "getClassLoader", "classLoader", "loadClass",
                "defineClass", "newInstance", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
                "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods",
                "getField", "getFields", "getConstructor", "getConstructors", "setAccessible", "invoke",
                "getDeclaringClass", "declaringClass", "getModule", "getProtectionDomain", "getResource",
                "getResourceAsStream", "reflect")) {
            denied.put(name, reflection);
        }
        for (String name : List.of("exit", "halt", "exec", "getRuntime", "getenv", "setProperty",
                "clearProperty", "setSecurityManager", "loadLibrary")) {
            denied.put(name, process);
        }
        for (String name : List.of("kcontext", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory",
                "getEntryPoint", "getChannels")) {
            denied.put(name, engine);
        }
        denied.put("dialect", "the mvel dialect (rules are written in the default, Java)");
        denied.put("expander", "DSL expansion");
        return Map.copyOf(denied);
    }

    /** A token: a name, or one character of punctuation. */
    private record Token(String text, int line, boolean name) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    /**
     * Checks every DRL file of a rule set.
     *
     * @param drl the DRL files' texts, by path
     * @return the problems found, in file and line order; empty when the rule set may be compiled
     */
    static List<KnowledgeBaseProblem> check(Map<String, String> drl) {
        Map<String, DrlText> texts = new java.util.TreeMap<>();
        drl.forEach((file, text) -> texts.put(file, DrlText.of(text)));
        Map<String, List<Token>> tokens = new java.util.TreeMap<>();
        texts.forEach((file, text) -> tokens.put(file, tokenize(text.bare())));
        // a declared type may be used by name in every file
        Set<String> declared = new HashSet<>();
        tokens.values().forEach(list -> collectDeclarations(list, declared));

        Set<KnowledgeBaseProblem> problems = new LinkedHashSet<>();
        texts.forEach((file, text) -> {
            checkEscapes(file, text, problems);
            checkTokens(file, text, tokens.get(file), declared, problems);
        });
        // one problem a line, the first found: Runtime.getRuntime().exec(...) is one mistake
        Map<String, KnowledgeBaseProblem> firstOfLine = new java.util.LinkedHashMap<>();
        problems.forEach(p -> firstOfLine.putIfAbsent(p.file() + ":" + p.line(), p));
        List<KnowledgeBaseProblem> sorted = new ArrayList<>(firstOfLine.values());
        sorted.sort(java.util.Comparator.comparing(KnowledgeBaseProblem::file)
                .thenComparingInt(KnowledgeBaseProblem::line));
        return List.copyOf(sorted);
    }

    private static void checkEscapes(String file, DrlText text, Set<KnowledgeBaseProblem> problems) {
        String[] lines = text.lines();
        for (int i = 0; i < lines.length; i++) {
            Matcher escape = UNICODE_ESCAPE.matcher(lines[i]);
            if (escape.find()) {
                problems.add(problem(file, text, i + 1, "a Unicode escape (" + escape.group()
                        + ") is not allowed, even in a comment or string: write the character itself"));
            }
        }
    }

    private static void collectDeclarations(List<Token> tokens, Set<String> declared) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("declare")) {
                int k = i + 1;
                while (k < tokens.size() && (tokens.get(k).is("enum") || tokens.get(k).is("trait"))) {
                    k++;
                }
                if (k < tokens.size() && tokens.get(k).name()) {
                    declared.add(tokens.get(k).text());
                }
            }
        }
    }

    private static void checkTokens(String file, DrlText text, List<Token> tokens, Set<String> declared,
                                    Set<KnowledgeBaseProblem> problems) {
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (!token.name()) {
                i++;
                continue;
            }
            Token before = i > 0 ? tokens.get(i - 1) : null;
            // a chain of names joined by dots: java.io.File, Facts.functions, $e.getPort
            List<Token> chain = new ArrayList<>();
            chain.add(token);
            int k = i + 1;
            while (k + 1 < tokens.size() && tokens.get(k).is(".") && tokens.get(k + 1).name()) {
                chain.add(tokens.get(k + 1));
                k += 2;
            }
            boolean wildcard = k + 1 < tokens.size() && tokens.get(k).is(".") && tokens.get(k + 1).is("*");
            Token after = k < tokens.size() ? tokens.get(k) : null;
            boolean member = before != null && (before.is(".") || before.is("@"));

            if (!member && token.is("package") && chain.size() == 1) {
                k = checkPackage(file, text, tokens, k, problems);
            } else if (!member && token.is("import") && chain.size() == 1) {
                k = checkImport(file, text, tokens, k, problems);
            } else {
                if (!member) {
                    checkClassReference(file, text, chain, wildcard, declared, problems);
                }
                for (Token name : chain) {
                    String why = DENIED.get(name.text());
                    if (why != null) {
                        problems.add(problem(file, text, name.line(), "\"" + name.text() + "\" is not allowed ("
                                + why + "): " + WHY));
                    }
                }
                if (token.is("eval") && after != null && after.is("(")) {
                    problems.add(problem(file, text, token.line(), "eval( is not allowed: it runs any Java "
                            + "expression; test the fact's fields in its pattern instead"));
                }
            }
            i = Math.max(k, i + 1);
        }
    }

    /** A name starting with a capital, or a qualified class name, must be an allowed class. */
    private static void checkClassReference(String file, DrlText text, List<Token> chain, boolean wildcard,
                                            Set<String> declared, Set<KnowledgeBaseProblem> problems) {
        Token first = chain.get(0);
        if (isCapitalized(first.text())) {
            if (!SIMPLE_NAMES.contains(first.text()) && !declared.contains(first.text())) {
                problems.add(problem(file, text, first.line(), "class \"" + first.text()
                        + "\" is unknown or not allowed: " + WHY));
            }
            return;
        }
        // lower.case.Name: a class named by its package (a variable of that name would hide the package
        // in a rule, not in a function)
        StringBuilder qualified = new StringBuilder(first.text());
        for (int c = 1; c < chain.size(); c++) {
            qualified.append('.').append(chain.get(c).text());
            if (isCapitalized(chain.get(c).text())) {
                if (!ALLOWED_CLASSES.contains(qualified.toString())) {
                    problems.add(problem(file, text, first.line(), "class " + qualified + " is not allowed: " + WHY));
                }
                return;
            }
        }
        if (chain.size() > 1 && isJdkPackage(first.text()) || wildcard) {
            problems.add(problem(file, text, first.line(), "package " + qualified + " is not allowed: " + WHY));
        }
    }

    private static boolean isJdkPackage(String first) {
        return Set.of("java", "javax", "jdk", "sun", "com").contains(first);
    }

    private static int checkPackage(String file, DrlText text, List<Token> tokens, int from,
                                    Set<KnowledgeBaseProblem> problems) {
        StringBuilder name = new StringBuilder();
        int k = from;
        int line = tokens.get(from - 1).line();
        while (k < tokens.size() && (tokens.get(k).name() || tokens.get(k).is("."))
                && tokens.get(k).line() == line) {
            name.append(tokens.get(k).text());
            k++;
        }
        String pkg = name.toString();
        if (!pkg.equals(RULES_PACKAGE) && !pkg.startsWith(RULES_PACKAGE + ".")) {
            problems.add(problem(file, text, line, "package " + pkg + " is not allowed: rules are written in "
                    + RULES_PACKAGE + " or a package below it"));
        }
        return k;
    }

    private static int checkImport(String file, DrlText text, List<Token> tokens, int from,
                                   Set<KnowledgeBaseProblem> problems) {
        int line = tokens.get(from - 1).line();
        int k = from;
        StringBuilder name = new StringBuilder();
        while (k < tokens.size() && (tokens.get(k).name() || tokens.get(k).is(".") || tokens.get(k).is("*"))
                && tokens.get(k).line() == line) {
            name.append(tokens.get(k).text());
            k++;
        }
        String imported = name.toString();
        if (imported.startsWith("static") || imported.startsWith("function") || imported.startsWith("accumulate")) {
            String kind = imported.startsWith("static") ? "static" : imported.startsWith("function") ? "function"
                    : "accumulate";
            problems.add(problem(file, text, line, "import " + kind + " is not allowed: " + WHY));
        } else if (!ALLOWED_CLASSES.contains(imported) && !imported.equals(FACTS_PACKAGE + ".*")) {
            problems.add(problem(file, text, line, "import of " + imported + " is not allowed: " + WHY));
        }
        return k;
    }

    private static boolean isCapitalized(String name) {
        return Character.isUpperCase(name.codePointAt(0));
    }

    private static KnowledgeBaseProblem problem(String file, DrlText text, int line, String message) {
        String rule = text.ruleAt(line).map(r -> "rule \"" + r.name() + "\": ").orElse("");
        String full = rule + message;
        return new KnowledgeBaseProblem(file, line, full.length() <= DrlMessages.MAX_LENGTH ? full
                : full.substring(0, DrlMessages.MAX_LENGTH - 1) + "…");
    }

    /** The names and punctuation of a text whose comments and strings are blanked. */
    private static List<Token> tokenize(String bare) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int n = bare.length();
        int i = 0;
        while (i < n) {
            char c = bare.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                // the compiler ignores the ignorable characters of a name (a zero-width space): so does this
                StringBuilder name = new StringBuilder();
                while (i < n && Character.isJavaIdentifierPart(bare.charAt(i))) {
                    if (!Character.isIdentifierIgnorable(bare.charAt(i))) {
                        name.append(bare.charAt(i));
                    }
                    i++;
                }
                tokens.add(new Token(name.isEmpty() ? "_" : name.toString(), line, true));
            } else if (Character.isDigit(c)) {
                // a number: 12, 1.5e3, 0x1F, 10L
                while (i < n && (Character.isLetterOrDigit(bare.charAt(i)) || bare.charAt(i) == '_'
                        || bare.charAt(i) == '.' && i + 1 < n && Character.isDigit(bare.charAt(i + 1)))) {
                    i++;
                }
                tokens.add(new Token("0", line, false));
            } else {
                tokens.add(new Token(String.valueOf(c), line, false));
                i++;
            }
        }
        return tokens;
    }
}
