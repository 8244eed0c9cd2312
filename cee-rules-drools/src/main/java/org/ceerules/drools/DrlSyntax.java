package org.ceerules.drools;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ceerules.api.KnowledgeBaseProblem;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;

/**
 * The syntax of a rule set's DRL files, checked before they are compiled: a rule's keywords
 * ({@code when}, {@code then}, {@code end}) and the brackets of its conditions and consequence on
 * the text, then the grammar with the Drools DRL parser, then each consequence as Java. A syntax
 * error is reported once, at its line, in a few words: not as the compiler would (a stack trace,
 * a second message that the package is null), and without compiling anything.
 *
 * <p>Uses {@link DrlParser} of drools-drl-parser and {@link DrlxParseUtil} of
 * drools-model-codegen, the parsers the compiler itself runs, outside the KIE API: only this class
 * does. A consequence is checked as Java, once the DRL parses.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class DrlSyntax {

    private DrlSyntax() {
    }

    /**
     * @param drl the DRL files' texts, by path
     * @return the syntax errors, at most one per rule (the first; the others often follow from it)
     */
    static List<KnowledgeBaseProblem> check(Map<String, String> drl) {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        drl.keySet().stream().sorted().forEach(file -> {
            String source = drl.get(file);
            DrlText text = DrlText.of(source);
            List<KnowledgeBaseProblem> structure = structure(file, text);
            if (!structure.isEmpty()) {
                problems.addAll(structure);
                return;
            }
            List<KnowledgeBaseProblem> grammar = grammar(file, source, text);
            problems.addAll(grammar.isEmpty() ? consequences(file, text) : grammar);
        });
        return List.copyOf(problems);
    }

    /** Each rule's keywords in order, and the brackets of its conditions and of its consequence balanced. */
    private static List<KnowledgeBaseProblem> structure(String file, DrlText text) {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        for (DrlText.Rule rule : text.rules()) {
            String name = "rule \"" + rule.name() + "\"";
            if (rule.end() == 0) {
                problems.add(new KnowledgeBaseProblem(file, rule.header(), name + " has no \"end\""));
            } else if (rule.when() > 0 && rule.then() == 0) {
                problems.add(new KnowledgeBaseProblem(file, rule.end(), name + ": no \"then\" before \"end\""));
            } else if (rule.when() > 0) {
                brackets(text, rule.when(), rule.then(), "\"then\"")
                        .or(() -> brackets(text, rule.then(), rule.end(), "\"end\""))
                        .ifPresent(b -> problems.add(new KnowledgeBaseProblem(file, b.line(), name + ": " + b.what())));
            }
        }
        return problems;
    }

    /** A bracket that is not closed, or closes none, or the wrong one: where, and in words. */
    private record Unbalanced(int line, String what) {
    }

    /** The first unbalanced bracket on the lines between the keyword lines {@code from} and {@code to}. */
    private static Optional<Unbalanced> brackets(DrlText text, int from, int to, String keyword) {
        Deque<int[]> open = new ArrayDeque<>();
        String[] lines = text.bare().split("\r?\n", -1);
        for (int index = from; index < to - 1 && index < lines.length; index++) {
            String chars = lines[index];
            int line = index + 1;
            for (int c = 0; c < chars.length(); c++) {
                char ch = chars.charAt(c);
                if (ch == '(' || ch == '[' || ch == '{') {
                    open.push(new int[] {ch, line});
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    char expected = ch == ')' ? '(' : ch == ']' ? '[' : '{';
                    if (open.isEmpty()) {
                        return Optional.of(new Unbalanced(line, "\"" + ch + "\" closes no \"" + expected + "\""));
                    }
                    int[] top = open.pop();
                    if (top[0] != expected) {
                        return Optional.of(new Unbalanced(top[1], "\"" + (char) top[0] + "\" is closed by \"" + ch
                                + "\"" + (top[1] == line ? "" : " on line " + line)));
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            int[] top = open.peek();
            return Optional.of(new Unbalanced(top[1], "\"" + (char) top[0] + "\" is not closed before " + keyword));
        }
        return Optional.empty();
    }

    /**
     * Each rule's consequence parsed as the compiler parses it ({@link DrlxParseUtil#parseBlock}),
     * so that one that is not Java is reported here, once, and not by the compiler with its parser's
     * stack trace. A consequence the compiler rewrites before parsing it ({@code modify} blocks,
     * text blocks) is left to the compiler.
     */
    private static List<KnowledgeBaseProblem> consequences(String file, DrlText text) {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        String[] lines = text.lines();
        for (DrlText.Rule rule : text.rules()) {
            if (rule.then() == 0 || rule.end() == 0) {
                continue;
            }
            StringBuilder consequence = new StringBuilder();
            for (int line = rule.then(); line < rule.end(); line++) {
                consequence.append(line == rule.then() ? lines[line - 1].replaceFirst("^\\s*then\\b", "")
                        : lines[line - 1]).append('\n');
            }
            String body = consequence.toString();
            if (body.contains("modify") || body.contains("\"\"\"")) {
                continue;
            }
            try {
                DrlxParseUtil.parseBlock(body.strip());
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
                problems.add(DrlMessages.problem(file, text, 0, "Unable to parse consequence caused by: " + why
                        + " in rule \"" + rule.name() + "\""));
            }
        }
        return problems;
    }

    /** What the DRL parser finds wrong: the first error of each rule, and the first outside rules. */
    private static List<KnowledgeBaseProblem> grammar(String file, String source, DrlText text) {
        DrlParser parser = new DrlParser();
        try {
            parser.parse(false, source);
        } catch (DroolsParserException e) {
            return List.of(DrlMessages.problem(file, text, 0, e.getMessage()));
        }
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DroolsError error : parser.getErrors()) {
            int line = error.getLines().length > 0 ? Math.max(0, error.getLines()[0]) : 0;
            String message = error.getMessage();
            if (error instanceof ParserError parserError && parserError.getCol() > 0) {
                message = message + " (column " + (parserError.getCol() + 1) + ")";
            }
            KnowledgeBaseProblem problem = DrlMessages.problem(file, text, line, message);
            String where = text.ruleAt(problem.line()).map(DrlText.Rule::name).orElse("");
            if (seen.add(where)) {
                problems.add(problem);
            }
        }
        return problems;
    }
}
