package org.ceerules.drools;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.drools.facts.CenterClaim;
import org.ceerules.drools.facts.CenterJurisdiction;
import org.ceerules.drools.facts.DrawbackOffice;
import org.ceerules.drools.facts.Entry;
import org.ceerules.drools.facts.Exclusion;
import org.ceerules.drools.facts.Participation;
import org.ceerules.drools.facts.SurvivingClaim;
import org.kie.api.builder.Message;

/**
 * The messages of the Drools compiler about a rule set, as problems of its DRL files: one short
 * problem per mistake, {@code FILE:LINE: message}, at the line of the DRL file where it is
 * written, naming the rule where it is known. Never the Java the compiler generated from the DRL,
 * never a stack trace, never the same problem twice.
 *
 * <p>The compiler names no line for some mistakes (an unknown field, a value of the wrong type),
 * and reports others against the Java it generates from the rules. The line is then found in the
 * DRL: the rule the message names, or whose generated method or consequence failed, then the line
 * of that rule holding the name the message reports (the unknown field, the method, the value);
 * for two types that cannot be compared, the line comparing a field of the one with a value of the
 * other.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class DrlMessages {

    /** No message is longer: the end of a longer one is cut. */
    static final int MAX_LENGTH = 200;

    private static final String GENERATED_SOURCE = "Java source of ";
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern ERROR_CODE = Pattern.compile("^\\[ERR \\d+\\]\\s*Line \\d+:\\d+\\s*");
    private static final Pattern IN_RULE = Pattern.compile("\\s*in rule \"([^\"]*)\"");
    private static final Pattern CONSEQUENCE_PARSE = Pattern.compile(
            "Unable to parse consequence caused by: \\(line (\\d+),\\s*col (\\d+)\\) Parse error\\. Found (.*?)"
                    + "(?:, expected.*)?$");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*\\*\\s*Rule name: (.*)$");
    private static final Pattern REACT_ON = Pattern.compile("reactOn\\(([^)]*)\\)|getPropertyIndex\\(\"([^\"]+)\"\\)");
    private static final Pattern GENERATED_FUNCTION = Pattern.compile("^    public static \\S.*?\\b([\\w$]+)\\(");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern INDEXED_BY = Pattern.compile(
            "method (?:alpha|beta)IndexedBy\\(.*\\) in the type \\w+ is not applicable for the arguments "
                    + "\\(Class<([\\w.]+)>.*, ([\\w.<>]+)\\)$");
    private static final Pattern PACKAGES = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)");
    private static final Pattern GENERATED_NAMES = Pattern.compile(
            "\\b(?:Lambda(?:Extractor|Predicate|Consequence)|Rules|GENERATED_)[0-9A-F_$]{8,}\\w*");
    private static final Pattern COMPARED_TYPES = Pattern.compile("Found class ([\\w.$]+) and ([\\w.$]+)");
    private static final List<Pattern> SYMBOLS = List.of(
            Pattern.compile("Unable to parse left part of expression: (.+)$"),
            Pattern.compile("Unable to find class: ([\\w.$]+)"),
            Pattern.compile("Unknown field ([\\w$]+) on class"),
            Pattern.compile("Method ([\\w$]+) on class .* is missing"),
            Pattern.compile("Cannot coerce String (.+?) to \\w+"),
            Pattern.compile("The method ([\\w$]+)\\("),
            Pattern.compile("([\\w$.]+) cannot be resolved"),
            Pattern.compile("symbol:\\s+\\w+\\s+([\\w$]+)"));
    /** The classes of the facts the rules match, whose properties a condition compares. */
    private static final List<Class<?>> FACTS = List.of(Entry.class, CenterClaim.class, CenterJurisdiction.class,
            Exclusion.class, Participation.class, SurvivingClaim.class, DrawbackOffice.class);

    private DrlMessages() {
    }

    /** A message cleaned of what is not the DRL's: what it says, the rule it names, where it points. */
    private record Cleaned(String message, Optional<String> rule, int consequenceLine, List<String> symbols) {
    }

    /**
     * The compiler's messages, each as a problem of the DRL file and line it is about.
     *
     * @param messages the compiler's messages of level ERROR
     * @param fileOf   the rule set's path of each file the compiler was given, by the path it was given as
     * @param drl      the DRL files' texts, by the rule set's path
     * @return one problem per mistake, in the order reported
     */
    static List<KnowledgeBaseProblem> of(List<Message> messages, Map<String, String> fileOf, Map<String, String> drl) {
        Map<String, DrlText> texts = new TreeMap<>();
        drl.forEach((file, text) -> texts.put(file, DrlText.of(text)));
        Map<String, String[]> generated = new HashMap<>();
        for (Message message : messages) {
            String text = message.getText();
            int newline = text.indexOf('\n');
            if (text.startsWith(GENERATED_SOURCE) && newline > 0) {
                generated.put(path(message), text.substring(newline + 1).split("\r?\n", -1));
            }
        }
        Set<KnowledgeBaseProblem> problems = new LinkedHashSet<>();
        Set<String> nullPackages = new LinkedHashSet<>();
        for (Message message : messages) {
            String text = message.getText() == null ? "" : message.getText().strip();
            String path = path(message);
            String file = fileOf.get(path);
            if (text.startsWith(GENERATED_SOURCE)) {
                continue;
            }
            if (file != null && text.startsWith(NULL_PACKAGE)) {
                nullPackages.add(file);
            } else if (file != null) {
                problems.add(problem(file, texts.get(file), message.getLine(), text));
            } else {
                problems.add(fromGenerated(generated.get(path), message.getLine(), text, texts));
            }
        }
        for (String file : nullPackages) {
            if (problems.stream().noneMatch(p -> p.file().equals(file))) {
                problems.add(new KnowledgeBaseProblem(file, 0, "the file does not parse as DRL"));
            }
        }
        return List.copyOf(problems);
    }

    private static String path(Message message) {
        return message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
    }

    /**
     * A message of the DRL parser or compiler about a DRL file, as one short problem: at
     * {@code line} where it is given (from 1), else at the line of the rule holding what the
     * message names.
     */
    static KnowledgeBaseProblem problem(String file, DrlText text, int line, String raw) {
        Cleaned cleaned = clean(raw);
        Optional<DrlText.Rule> rule = cleaned.rule().flatMap(text::rule);
        int at = line > 0 ? line : 0;
        if (cleaned.consequenceLine() > 0 && rule.isPresent() && rule.get().then() > 0) {
            // the compiler parses the consequence trimmed, after a line holding "{": its line 2 is the
            // first line of the consequence that is not blank
            at = firstLineOfConsequence(text, rule.get()) + cleaned.consequenceLine() - 2;
        }
        if (at == 0) {
            at = find(text, rule, cleaned.symbols(), false);
        }
        if (at == 0) {
            at = findComparison(text, rule, raw);
        }
        if (at == 0 && rule.isPresent()) {
            at = rule.get().header();
        }
        return new KnowledgeBaseProblem(file, at, withRule(text, at, cleaned));
    }

    /** The first line of a rule's consequence that is not blank: the {@code then} line if code follows the keyword. */
    private static int firstLineOfConsequence(DrlText text, DrlText.Rule rule) {
        String[] lines = text.lines();
        int end = rule.end() > 0 ? rule.end() : lines.length + 1;
        for (int line = rule.then(); line < end; line++) {
            String content = line == rule.then() ? lines[line - 1].replaceFirst("^\\s*then\\b", "") : lines[line - 1];
            if (!content.isBlank()) {
                return line;
            }
        }
        return rule.then() + 1;
    }

    /** A message about the Java generated from the rules, as a problem of the DRL it was generated from. */
    private static KnowledgeBaseProblem fromGenerated(String[] source, int line, String raw,
                                                      Map<String, DrlText> texts) {
        Cleaned cleaned = clean(raw);
        List<String> symbols = new ArrayList<>(cleaned.symbols());
        Optional<String> ruleName = Optional.empty();
        boolean consequence = false;
        if (source != null && line >= 1 && line <= source.length) {
            for (int i = line - 1; i >= 0 && ruleName.isEmpty(); i--) {
                Matcher name = RULE_NAME.matcher(source[i]);
                if (name.find()) {
                    ruleName = Optional.of(name.group(1).strip());
                }
            }
            Optional<String> function = ruleName.isPresent() ? Optional.empty() : functionAt(source, line - 1);
            if (ruleName.isPresent()) {
                symbols.addAll(0, propertiesNear(source, line - 1));
            } else if (function.isPresent()) {
                Optional<KnowledgeBaseProblem> found = inFunction(function.get(), cleaned, texts);
                if (found.isPresent()) {
                    return found.get();
                }
            } else if (String.join("\n", source).contains(" execute(")) {
                consequence = true;
                Optional<KnowledgeBaseProblem> found = inConsequences(source[line - 1], cleaned, texts);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        for (Map.Entry<String, DrlText> entry : texts.entrySet()) {
            DrlText text = entry.getValue();
            Optional<DrlText.Rule> rule = ruleName.flatMap(text::rule);
            if (ruleName.isPresent() && rule.isEmpty()) {
                continue;
            }
            int at = find(text, rule, symbols, consequence);
            if (at == 0 && rule.isPresent()) {
                at = rule.get().header();
            }
            if (at > 0) {
                return new KnowledgeBaseProblem(entry.getKey(), at, withRule(text, at, cleaned));
            }
        }
        return new KnowledgeBaseProblem("drl", 0, cleaned.message());
    }

    /** The DRL function a line of generated Java is in: the static method of that name around it. */
    private static Optional<String> functionAt(String[] source, int index) {
        for (int i = index; i >= 0; i--) {
            Matcher method = GENERATED_FUNCTION.matcher(source[i]);
            if (method.find()) {
                return Optional.of(method.group(1));
            }
            if (source[i].startsWith("    }")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A message about a function's generated method, as a problem of the function's text. */
    private static Optional<KnowledgeBaseProblem> inFunction(String name, Cleaned cleaned, Map<String, DrlText> texts) {
        for (Map.Entry<String, DrlText> entry : texts.entrySet()) {
            Optional<int[]> lines = entry.getValue().function(name);
            if (lines.isEmpty()) {
                continue;
            }
            int at = lines.get()[0];
            for (int line = lines.get()[0]; line <= lines.get()[1]; line++) {
                if (containsAny(entry.getValue().codeLine(line), cleaned.symbols())) {
                    at = line;
                    break;
                }
            }
            return Optional.of(new KnowledgeBaseProblem(entry.getKey(), at,
                    shortened("function \"" + name + "\": " + cleaned.message())));
        }
        return Optional.empty();
    }

    /** The properties a generated constraint reads: those of its {@code reactOn} and property indexes. */
    private static List<String> propertiesNear(String[] source, int index) {
        int start = index;
        while (start > 0 && !source[start].contains(".expr(\"") && !source[start].contains("D.pattern(")) {
            start--;
        }
        List<String> properties = new ArrayList<>();
        for (int i = start; i < source.length && i <= index + 12; i++) {
            if (i > index && (source[i].contains(".expr(\"") || source[i].contains("D.on("))) {
                break;
            }
            Matcher m = REACT_ON.matcher(source[i]);
            while (m.find()) {
                if (m.group(2) != null) {
                    properties.add(m.group(2));
                } else {
                    Matcher quoted = QUOTED.matcher(m.group(1));
                    while (quoted.find()) {
                        properties.add(quoted.group(1));
                    }
                }
            }
        }
        return properties;
    }

    /**
     * The consequence a generated Java line comes from: the rule whose consequence holds that
     * statement, and the line of it holding what the message names.
     */
    private static Optional<KnowledgeBaseProblem> inConsequences(String generatedLine, Cleaned cleaned,
                                                                 Map<String, DrlText> texts) {
        String statement = normalized(generatedLine
                .replaceAll("\\(\\(\\s*org\\.drools\\.modelcompiler\\.consequence\\.DroolsImpl\\s*\\)\\s*drools\\s*\\)"
                        + "\\s*\\.\\s*asKnowledgeHelper\\(\\s*\\)", "drools"));
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, DrlText> entry : texts.entrySet()) {
            DrlText text = entry.getValue();
            for (DrlText.Rule rule : text.rules()) {
                if (rule.then() == 0 || rule.end() == 0) {
                    continue;
                }
                StringBuilder body = new StringBuilder();
                List<Integer> starts = new ArrayList<>();
                for (int line = rule.then(); line < rule.end(); line++) {
                    String code = line == rule.then() ? text.codeLine(line).replaceFirst("^\\s*then\\b", "")
                            : text.codeLine(line);
                    starts.add(body.length());
                    body.append(normalized(code));
                }
                int at = body.indexOf(statement);
                if (at < 0) {
                    continue;
                }
                int first = rule.then();
                for (int k = 0; k < starts.size(); k++) {
                    if (starts.get(k) <= at) {
                        first = rule.then() + k;
                    }
                }
                int last = first;
                for (int k = 0; k < starts.size(); k++) {
                    if (starts.get(k) < at + statement.length()) {
                        last = rule.then() + k;
                    }
                }
                int line = first;
                for (int candidate = first; candidate <= last; candidate++) {
                    if (containsAny(text.codeLine(candidate), cleaned.symbols())) {
                        line = candidate;
                        break;
                    }
                }
                return Optional.of(new KnowledgeBaseProblem(entry.getKey(), line, withRule(text, line, cleaned)));
            }
        }
        return Optional.empty();
    }

    /** Java text without white space, and without the {@code drools.} the generator adds before insert. */
    private static String normalized(String code) {
        return code.replaceAll("\\s+", "").replace("drools.", "");
    }

    private static boolean containsAny(String line, List<String> symbols) {
        for (String symbol : symbols) {
            if (matches(line, symbol)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first line (from 1) holding one of the symbols, tried in order: in the rule if it is
     * known, else in any rule of the file; in the rule's consequence first when
     * {@code consequenceFirst}, else in its conditions first. 0 when none holds one.
     */
    private static int find(DrlText text, Optional<DrlText.Rule> rule, List<String> symbols, boolean consequenceFirst) {
        List<DrlText.Rule> rules = rule.map(List::of).orElse(text.rules());
        for (String symbol : symbols) {
            for (int pass = 0; pass < 3; pass++) {
                for (DrlText.Rule r : rules) {
                    for (int line = r.header(); line <= r.last(); line++) {
                        boolean conditions = r.inConditions(line);
                        boolean consequence = r.inConsequence(line);
                        boolean wanted = switch (pass) {
                            case 0 -> consequenceFirst ? consequence : conditions;
                            case 1 -> consequenceFirst ? conditions : consequence;
                            default -> !conditions && !consequence;
                        };
                        if (wanted && matches(text.codeLine(line), symbol)) {
                            return line;
                        }
                    }
                }
            }
        }
        return 0;
    }

    /**
     * Whether a line of DRL holds a symbol: an expression (its text, white space aside), a quoted
     * value, or a name (a whole word: {@code port} is not in {@code getPort()}).
     */
    private static boolean matches(String line, String symbol) {
        if (symbol.isBlank()) {
            return false;
        }
        if (symbol.matches("[\\w$]+")) {
            return Pattern.compile("(?<![\\w$])" + Pattern.quote(symbol) + "(?![\\w$])").matcher(line).find();
        }
        return line.replaceAll("\\s+", "").contains(symbol.replaceAll("\\s+", ""));
    }

    /**
     * Where the compiler reports two types that cannot be compared ({@code Found class LocalDate and
     * int}) and names no line: the first condition comparing a property of the first type with a
     * value of the second. 0 when there is none.
     */
    private static int findComparison(DrlText text, Optional<DrlText.Rule> rule, String raw) {
        Matcher types = COMPARED_TYPES.matcher(raw);
        if (!types.find()) {
            return 0;
        }
        String left = simpleName(types.group(1));
        String literal = switch (simpleName(types.group(2)).toLowerCase(Locale.ROOT)) {
            case "int", "integer", "long", "short", "byte", "double", "float", "bigdecimal" -> "-?\\d";
            case "string" -> "[\"']";
            case "boolean" -> "(?:true|false)\\b";
            default -> "";
        };
        List<DrlText.Rule> rules = rule.map(List::of).orElse(text.rules());
        for (String property : propertiesOfType(left)) {
            Pattern comparison = Pattern.compile("(?<![\\w$.])" + Pattern.quote(property)
                    + "\\s*(?:==|!=|<=|>=|<|>)\\s*" + literal);
            for (DrlText.Rule r : rules) {
                for (int line = r.header(); line <= r.last(); line++) {
                    if (r.inConditions(line) && comparison.matcher(text.codeLine(line)).find()) {
                        return line;
                    }
                }
            }
        }
        return 0;
    }

    /** The names of the facts' properties of a type, by its simple name. */
    private static List<String> propertiesOfType(String type) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> fact : FACTS) {
            for (Method method : fact.getMethods()) {
                if (method.getParameterCount() != 0 || !Modifier.isPublic(method.getModifiers())
                        || method.getDeclaringClass() == Object.class
                        || !method.getReturnType().getSimpleName().equals(type)) {
                    continue;
                }
                String name = method.getName();
                if (name.startsWith("get") && name.length() > 3) {
                    names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
                } else if (name.startsWith("is") && name.length() > 2) {
                    names.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
                } else {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The message with the rule's name before it, where the line is in a rule and the name not already said. */
    private static String withRule(DrlText text, int line, Cleaned cleaned) {
        Optional<String> rule = cleaned.rule().or(() -> text.ruleAt(line).map(DrlText.Rule::name));
        String message = cleaned.message();
        if (rule.isPresent() && !message.contains("\"" + rule.get() + "\"")) {
            message = "rule \"" + rule.get() + "\": " + message;
        }
        return shortened(message);
    }

    /** The message's first line, without the parser's error code, generated names or package names. */
    private static Cleaned clean(String raw) {
        String message = raw.strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        message = ERROR_CODE.matcher(message).replaceFirst("");
        Optional<String> rule = Optional.empty();
        Matcher inRule = IN_RULE.matcher(message);
        if (inRule.find()) {
            rule = Optional.of(inRule.group(1));
            message = (message.substring(0, inRule.start()) + message.substring(inRule.end())).strip();
        }
        List<String> symbols = new ArrayList<>();
        for (Pattern pattern : SYMBOLS) {
            Matcher symbol = pattern.matcher(message);
            if (symbol.find()) {
                String found = symbol.group(1).strip();
                if (pattern.pattern().startsWith("Cannot coerce")) {
                    symbols.add("\"" + found + "\"");
                    symbols.add("'" + found + "'");
                }
                symbols.add(found);
                Matcher name = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(found);
                if (name.find() && !name.group().equals(found)) {
                    symbols.add(name.group());
                }
                if (found.contains(".")) {
                    symbols.add(simpleName(found));
                }
                break;
            }
        }
        int consequenceLine = 0;
        Matcher consequence = CONSEQUENCE_PARSE.matcher(message);
        Matcher indexed = INDEXED_BY.matcher(message);
        if (consequence.find()) {
            consequenceLine = Integer.parseInt(consequence.group(1));
            message = "the consequence does not parse: found " + consequence.group(3).strip();
        } else if (indexed.find()) {
            message = "a condition compares a value of type " + simpleName(indexed.group(1))
                    + " with a value of type " + simpleName(indexed.group(2));
            symbols.clear();
        } else if (message.equals(NULL_PACKAGE)) {
            message = "the file does not parse as DRL";
        }
        message = GENERATED_NAMES.matcher(message).replaceAll("generated code");
        message = PACKAGES.matcher(message).replaceAll("$1");
        return new Cleaned(message, rule, consequenceLine, List.copyOf(symbols));
    }

    private static String shortened(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
