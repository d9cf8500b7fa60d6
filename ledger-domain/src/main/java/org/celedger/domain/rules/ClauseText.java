package org.celedger.domain.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a cited clause, read from its source document (RULES.md §3, the table of source documents;
 * the texts ship under {@code sources/} beside the rule sets). A citation names its document by id and the
 * clause by the document's own numbering: {@code IM-2025 一(四)1} is item 1 of part (四) of section 一,
 * {@code IM-MEASURES-2017 第十二条(八)} is part (八) of article 12. A citation may hold several,
 * separated by {@code ;}, and words after the numbering ("last paragraph") that are kept as a note.
 */
public final class ClauseText {

    /** One cited clause: where it is, and its text (null when the numbering is not found in the document). */
    public record Clause(String source, String document, String path, String note, String text) {
    }

    private static final String NUMERAL = "[一二三四五六七八九十百零]+";
    private static final Pattern TOKEN = Pattern.compile("第" + NUMERAL + "条|" + NUMERAL + "|[（(]" + NUMERAL + "[）)]|\\d+");

    /** The levels of a document's numbering, outermost first; each ends where one at its level or above begins. */
    private enum Level {
        CHAPTER("第%s章", NUMERAL),
        ARTICLE("第%s条", NUMERAL),
        SECTION("%s、", NUMERAL),
        PART("[（(]%s[）)]", NUMERAL),
        ITEM("%s\\s*[.．、]", "\\d+");

        private final String form;
        /** A line opening a clause of this level, whatever its number. */
        final Pattern start;

        /** {@code form}: how a line at this level opens, {@code %s} standing for its number ({@code any}: every number). */
        Level(String form, String any) {
            this.form = form;
            this.start = opening(any);
        }

        /** A line opening the clause numbered {@code number} (a regular expression); a heading may be indented
         * or written as Markdown ("### 三、审验工作"). */
        Pattern opening(String number) {
            return Pattern.compile("^[\\s\\u3000#]*" + form.formatted(number));
        }
    }

    private ClauseText() {
    }

    /** Every clause of {@code citation}, in order; parts naming no document of {@code sources} are left out. */
    public static List<Clause> of(String citation, List<RuleSetSource> sources) {
        List<Clause> clauses = new ArrayList<>();
        for (String part : citation.split(";")) {
            String[] words = part.strip().split("\\s+", 3);
            if (words.length < 2) {
                continue;
            }
            Optional<RuleSetSource> source = sources.stream().filter(s -> s.id().equals(words[0])).findFirst();
            if (source.isEmpty() || tokens(words[1]).isEmpty()) {
                continue;
            }
            String note = words.length > 2 ? words[2] : null;
            clauses.add(new Clause(source.get().id(), source.get().document(), words[1], note,
                    find(document(source.get()), words[1]).orElse(null)));
        }
        return clauses;
    }

    /**
     * The text of the clause at {@code path} in {@code document}, or empty when its numbering is not found.
     * Two numbers of one level in a row name both clauses ({@code 一(一)(二)}: parts (一) and (二) of
     * section 一), and the text runs from the first to the end of the last.
     */
    public static Optional<String> find(String document, String path) {
        List<String> lines = document.lines().toList();
        int parentFrom = 0;
        int parentTo = lines.size();
        int from = 0;
        int to = lines.size();
        Level previous = null;
        for (String token : tokens(path).orElse(List.of())) {
            Level level = levelOf(token);
            boolean sibling = level == previous;
            if (!sibling) {
                parentFrom = from;
                parentTo = to;
            }
            Pattern start = level.opening(Pattern.quote(bare(token)));
            int found = -1;
            for (int i = sibling ? to : parentFrom; i < parentTo && found < 0; i++) {
                if (start.matcher(lines.get(i)).find()) {
                    found = i;
                }
            }
            if (found < 0) {
                return Optional.empty();
            }
            int end = found + 1;
            while (end < parentTo && !startsAtOrAbove(lines.get(end), level)) {
                end++;
            }
            from = sibling ? from : found;
            to = end;
            previous = level;
        }
        return from == 0 && to == lines.size() ? Optional.empty()
                : Optional.of(String.join("\n", lines.subList(from, to)).strip());
    }

    private static boolean startsAtOrAbove(String line, Level level) {
        for (Level l : Level.values()) {
            if (l.ordinal() <= level.ordinal() && l.start.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<List<String>> tokens(String path) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(path);
        int at = 0;
        while (m.find() && m.start() == at) {
            tokens.add(m.group());
            at = m.end();
        }
        return at == path.length() && !tokens.isEmpty() ? Optional.of(tokens) : Optional.empty();
    }

    private static Level levelOf(String token) {
        if (token.startsWith("第")) {
            return Level.ARTICLE;
        }
        if (token.startsWith("(") || token.startsWith("（")) {
            return Level.PART;
        }
        return Character.isDigit(token.charAt(0)) ? Level.ITEM : Level.SECTION;
    }

    /** The numeral of a token alone: 十 of 第十条, 四 of (四) (written （四） or (四) in the text). */
    private static String bare(String token) {
        if (token.startsWith("第")) {
            return token.substring(1, token.length() - 1);
        }
        return token.replace("(", "").replace(")", "").replace("（", "").replace("）", "");
    }

    /** The text of a source document as shipped under {@code sources/}. */
    public static String document(RuleSetSource source) {
        try (InputStream in = ClauseText.class.getResourceAsStream("/sources/" + source.file())) {
            if (in == null) {
                throw new IllegalStateException("the text of " + source.id() + " (" + source.file() + ") is not bundled");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
