package org.celedger.ops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every section a comment cites resolves inside the repository (issue 15): {@code RULES.md §N} and
 * {@code §N.M} name a heading or a numbered paragraph of {@code docs/RULES.md}; {@code API.md "…"} and
 * {@code ARCHITECTURE.md "…"} name a heading (or a paragraph's opening words) of that document in
 * {@code docs/}. Sources, tests and rule sets of every module are read.
 */
class DocsCitationsTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Pattern RULES = Pattern.compile("RULES\\.md §(\\d+)(?:\\.(\\d+))?");
    static final Pattern NAMED = Pattern.compile("(API|ARCHITECTURE|RULES)\\.md[,:]? \\(?\"([^\"]+)\"");
    /** Documents outside the repository that a comment must not send a reader to. */
    static final Pattern OUTSIDE = Pattern.compile("STYLE\\.md|seeds/README|\\.\\./shared");

    @Test
    void everyCitedSectionIsInDocs() throws IOException {
        List<String> rules = Files.readAllLines(REPO.resolve("docs/RULES.md"));
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            String text = Files.readString(file);
            String where = REPO.relativize(file).toString();
            Matcher m = RULES.matcher(text);
            while (m.find()) {
                citations++;
                if (!hasRulesSection(rules, m.group(1), m.group(2))) {
                    unresolved.add(where + ": " + m.group());
                }
            }
            Matcher n = NAMED.matcher(text);
            while (n.find()) {
                citations++;
                List<String> doc = Files.readAllLines(REPO.resolve("docs/" + n.group(1) + ".md"));
                if (!names(doc, n.group(2))) {
                    unresolved.add(where + ": " + n.group());
                }
            }
            Matcher o = OUTSIDE.matcher(text);
            while (o.find()) {
                unresolved.add(where + ": cites " + o.group() + ", which is not in the repository");
            }
        }
        assertThat(unresolved).as("citations that resolve nowhere in docs/").isEmpty();
        assertThat(citations).as("citations found (the scan reads the sources)").isGreaterThan(200);
        System.out.printf("docs citations: %d, all resolved in docs/%n", citations);
    }

    static boolean hasRulesSection(List<String> rules, String section, String paragraph) {
        if (paragraph == null) {
            return rules.stream().anyMatch(l -> l.startsWith("## " + section + ". "));
        }
        return rules.stream().anyMatch(l -> l.startsWith("**" + section + "." + paragraph + " ")
                || l.startsWith("### " + section + "." + paragraph + " "));
    }

    /** A heading holding {@code name}, or a line opening with it (a paragraph's label, "A decision:"). */
    static boolean names(List<String> doc, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return doc.stream().map(l -> l.toLowerCase(Locale.ROOT)).anyMatch(l ->
                (l.startsWith("#") && l.contains(wanted)) || l.replaceFirst("^[*#\\s]+", "").startsWith(wanted));
    }

    static List<Path> sources() {
        List<Path> files = new ArrayList<>();
        for (String module : List.of("ledger-domain", "projections", "ledger-app", "ops")) {
            Path src = REPO.resolve(module).resolve("src");
            try (Stream<Path> walk = Files.walk(src)) {
                walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml")
                        || p.toString().endsWith(".js") || p.toString().endsWith(".html")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.removeIf(p -> p.endsWith("DocsCitationsTest.java"));
        return files;
    }
}
