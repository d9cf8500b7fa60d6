package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The rule sets known to the ledger, and the choice of one (RULES.md §3): the rule set serving a
 * jurisdiction and evaluation year by default, any one by id, or a variant with changed
 * parameters for what-if. Immutable and thread-safe.
 */
public final class RuleSets {

    /** Where bundled rule sets live on the classpath. */
    public static final String DIRECTORY = "rule-sets";

    private final Map<String, RuleSet> byId;

    private RuleSets(Collection<RuleSet> ruleSets) {
        Map<String, RuleSet> map = new TreeMap<>();
        for (RuleSet r : ruleSets) {
            if (map.put(r.id(), r) != null) {
                throw new RuleSetFormatException(r.id(), "id", "two rule sets have the id " + r.id());
            }
        }
        // Default selection must never be a guess: two rule sets serving one year is an error.
        for (RuleSet a : map.values()) {
            for (RuleSet b : map.values()) {
                if (a != b && a.jurisdiction() == b.jurisdiction() && a.id().compareTo(b.id()) < 0 && overlap(a, b)) {
                    throw new RuleSetFormatException(b.id(), "serves",
                            "serves evaluation years that " + a.id() + " also serves in " + a.jurisdiction());
                }
            }
        }
        this.byId = map;
    }

    /** A registry of the given rule sets (for example the bundled ones plus operator-supplied files). */
    public static RuleSets of(Collection<RuleSet> ruleSets) {
        return new RuleSets(ruleSets);
    }

    /** Every {@code rule-sets/*.yaml} on the classpath, loaded and validated once. */
    public static RuleSets bundled() {
        return Bundled.INSTANCE;
    }

    /** Loads a rule set from YAML text (operator-supplied files); see {@link RuleSet#fromYaml}. */
    public static RuleSet parse(String name, String yaml) {
        return RuleSet.fromYaml(name, yaml);
    }

    /**
     * Loads rule-set files (name → YAML text, in the order given), each of which may extend another
     * of them or a rule set of {@code parents}; a file extending its own id extends the one in
     * {@code parents} (a revision of it). The result is not registered: pass it to {@link #of}.
     *
     * @return the rule sets in the order of the files
     * @throws RuleSetFormatException naming the file and key path of any problem
     */
    public static List<RuleSet> load(Map<String, String> files, RuleSets parents) {
        Map<String, RuleTree.Mapping> trees = new LinkedHashMap<>();
        files.forEach((name, yaml) -> trees.put(name, RuleSetReader.parse(name, yaml)));
        return RuleSetLayers.resolve(trees, parents == null ? id -> Optional.empty() : parents::byId);
    }

    /** Every rule set, ordered by id. */
    public List<RuleSet> all() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleSet> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The rule set serving evaluation year {@code year} in {@code jurisdiction} by default (I-1).
     *
     * @throws NoRuleSetException when none does
     */
    public RuleSet serving(Jurisdiction jurisdiction, int year) {
        for (RuleSet r : byId.values()) {
            if (r.jurisdiction() == jurisdiction && r.serves(year)) {
                return r;
            }
        }
        throw new NoRuleSetException(jurisdiction, year);
    }

    /** Like {@link #serving} but empty instead of an error. */
    public Optional<RuleSet> findServing(Jurisdiction jurisdiction, int year) {
        for (RuleSet r : byId.values()) {
            if (r.jurisdiction() == jurisdiction && r.serves(year)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A variant of rule set {@code baseId} with parameters changed (dotted path → new value), with
     * its own id ({@code IM-2025+variant}) and version. It is not added to this registry, so it is
     * never chosen by default.
     *
     * @throws UnknownRuleSetException when no rule set has that id
     * @throws RuleSetFormatException when a path names no parameter or a value is invalid
     */
    public RuleSet variant(String baseId, Map<String, ?> changedParameters) {
        return byId(baseId).orElseThrow(() -> new UnknownRuleSetException(baseId)).withParameters(changedParameters);
    }

    private static boolean overlap(RuleSet a, RuleSet b) {
        long aEnd = a.lastYear() == null ? Long.MAX_VALUE : a.lastYear();
        long bEnd = b.lastYear() == null ? Long.MAX_VALUE : b.lastYear();
        return a.firstYear() <= bEnd && b.firstYear() <= aEnd;
    }

    /** Lazy holder: the bundled rule sets are read on first use, once. */
    private static final class Bundled {
        static final RuleSets INSTANCE = new RuleSets(loadClasspath());
    }

    private static List<RuleSet> loadClasspath() {
        Map<String, String> files = new TreeMap<>();
        try {
            ClassLoader loader = RuleSets.class.getClassLoader();
            Enumeration<URL> roots = loader.getResources(DIRECTORY);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (String name : yamlNames(root)) {
                    try (InputStream in = loader.getResourceAsStream(DIRECTORY + "/" + name)) {
                        if (in != null) {
                            files.putIfAbsent(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule sets", e);
        }
        if (files.isEmpty()) {
            throw new RuleSetFormatException(DIRECTORY, "", "no rule-set files found on the classpath");
        }
        Map<String, String> named = new LinkedHashMap<>();
        files.forEach((name, yaml) -> named.put(DIRECTORY + "/" + name, yaml));
        List<RuleSet> sets = new ArrayList<>(load(named, null));
        sets.sort(Comparator.comparing(RuleSet::id));
        return sets;
    }

    /** The {@code *.yaml} names directly inside a classpath directory, whether on disk or in a jar. */
    private static List<String> yamlNames(URL directory) throws IOException {
        List<String> names = new ArrayList<>();
        if ("file".equals(directory.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(names::add);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if ("jar".equals(directory.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) directory.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = DIRECTORY + "/";
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    String rest = entry.startsWith(prefix) ? entry.substring(prefix.length()) : "";
                    if (rest.endsWith(".yaml") && !rest.contains("/")) {
                        names.add(rest);
                    }
                }
            }
        }
        return names;
    }
}
