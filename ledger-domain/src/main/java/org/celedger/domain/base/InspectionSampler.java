package org.celedger.domain.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the sessions a random check (抽查, {@code IM-2022 五(一)}) inspects: a weighted sample without
 * replacement, the weight growing with a session's risk signals, reproducible by anyone from the recorded
 * seed and population (RULES.md §8: "anyone can draw it again and get the same sessions").
 *
 * <h2>The algorithm ({@value #ALGORITHM})</h2>
 * Efraimidis and Spirakis, "Weighted random sampling with a reservoir" (2006), algorithm A-ES, in log form,
 * with the random numbers taken from a hash so that they depend only on the seed and the session:
 * <ol>
 *   <li>Each candidate has a base id {@code b}, a session id {@code i} and a weight
 *       {@code w = 1 + (number of distinct risk signals)}, so that a session with every signal of
 *       {@link RiskSignal} is 7 times as likely as a quiet one to come first.</li>
 *   <li>{@code h = SHA-256(UTF-8 bytes of seed + ":" + b + "/" + i)}.</li>
 *   <li>{@code x} = the first 8 bytes of {@code h} as a big-endian unsigned 64-bit integer;
 *       {@code m = x >> 12} (its top 52 bits).</li>
 *   <li>{@code u = (2m + 1) / 2^53}, uniform in (0, 1). This is {@code (x' + 0.5) / 2^52} for the top 52 bits
 *       {@code x'}: every step is exact in IEEE-754 double precision, so no language rounds it differently
 *       (using all 64 bits, {@code (x + 0.5) / 2^64}, would round in a way that depends on how a language
 *       converts a 64-bit integer to a double).</li>
 *   <li>{@code key = ln(u) / w} (the logarithm of the A-ES key {@code u^(1/w)}; Java's {@code StrictMath.log}).</li>
 *   <li>Sort the candidates by key, largest first, ties by {@code b + "/" + i} in ascending string order
 *       (ids are ASCII, so every language orders them alike), and take the first {@code min(size, n)}.</li>
 * </ol>
 * The order of the population does not matter. In Python:
 * <pre>{@code
 * import hashlib, math
 * def draw(seed, size, population):          # population: [(baseId, sessionId, weight)]
 *     def key(b, i, w):
 *         x = int.from_bytes(hashlib.sha256(f"{seed}:{b}/{i}".encode()).digest()[:8], "big")
 *         return math.log((2 * (x >> 12) + 1) / 2**53) / w
 *     return sorted(population, key=lambda c: (-key(*c), f"{c[0]}/{c[1]}"))[:size]
 * }</pre>
 * Two libraries' logarithms may differ in the last bit; that could swap two sessions only if their keys
 * agreed to about 15 significant digits.
 */
public final class InspectionSampler {

    /** The name of the algorithm above, recorded with every sample so that a later algorithm can be told apart. */
    public static final String ALGORITHM = "A-ES/SHA-256/v1";

    private InspectionSampler() {
    }

    /** The weight of a session with these signals: 1 + the number of distinct signals. */
    public static int weightOf(Collection<RiskSignal> signals) {
        return 1 + (int) signals.stream().distinct().count();
    }

    /** The drawn candidates, in draw order (largest key first); all of them when {@code size ≥ n}. */
    public static List<SampleCandidate> draw(String seed, int size, Collection<SampleCandidate> population) {
        record Keyed(SampleCandidate candidate, double key, String name) {
        }
        return population.stream()
                .map(c -> new Keyed(c, key(seed, c), c.key().toString()))
                .sorted(Comparator.comparingDouble(Keyed::key).reversed().thenComparing(Keyed::name))
                .limit(size)
                .map(Keyed::candidate)
                .toList();
    }

    /** Step 5: {@code ln(u) / w}. */
    static double key(String seed, SampleCandidate candidate) {
        return StrictMath.log(uniform(seed, candidate.key())) / candidate.weight();
    }

    /** Steps 2 to 4: the session's uniform number in (0, 1) under {@code seed}. */
    static double uniform(String seed, SessionKey session) {
        byte[] hash = sha256((seed + ":" + session).getBytes(StandardCharsets.UTF_8));
        long x = ByteBuffer.wrap(hash, 0, 8).getLong();
        long m = x >>> 12;
        return (2 * m + 1) / 0x1p53;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
