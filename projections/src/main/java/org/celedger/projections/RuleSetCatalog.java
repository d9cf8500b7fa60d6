package org.celedger.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;

/**
 * The rule sets the read side evaluates with: those bundled with the ledger, plus the YAML files of
 * an operator's directory (a new document is usually a new file that extends the rule set it refines;
 * a file with a bundled id replaces it, and may extend it to state only what it revises). {@link #load()} reads them afresh, which is what a rebuild under changed rules starts with.
 */
public final class RuleSetCatalog {

    private final Path directory;

    /** @param directory the operator's rule-set directory, or null for the bundled rule sets only */
    public RuleSetCatalog(Path directory) {
        this.directory = directory;
    }

    public RuleSets load() {
        Map<String, RuleSet> byId = new LinkedHashMap<>();
        RuleSets.bundled().all().forEach(r -> byId.put(r.id(), r));
        if (directory != null && Files.isDirectory(directory)) {
            Map<String, String> texts = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule sets in " + directory, e);
            }
            // A file may extend a bundled rule set or another file here (a revision extends its own id).
            RuleSets.load(texts, RuleSets.bundled()).forEach(r -> byId.put(r.id(), r));
        }
        return RuleSets.of(List.copyOf(byId.values()));
    }
}
