package org.celedger.ops.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * The training bases (继续教育基地) and their sessions, drawn before the practitioners from the seed
 * alone: per jurisdiction, year and category, enough sessions for about 60 participants each.
 */
public final class Catalog {

    public record Base(String baseId, String name, String level, Jurisdiction jurisdiction, String region,
                       List<Session> sessions) {
    }

    /** A filed session plan; {@code hours} is what each participant is credited. */
    public record Session(String sessionId, String baseId, String title, Category category, String mode,
                          LocalDate startDate, LocalDate endDate, String location, int capacity, BigDecimal hours,
                          int year) {
    }

    /** Shares the population is drawn with (also used by {@link PopulationGenerator}). */
    static final double IM_SHARE = 0.7;
    static final double P_PUBLIC_AWARD = 0.8;
    static final double P_PROFESSIONAL_AWARD = 0.75;
    static final double P_EXTRA_PROFESSIONAL = 0.1;
    static final double P_PUBLIC_AT_BASE = 0.3;
    static final double P_PROFESSIONAL_AT_BASE = 0.3;
    private static final int PARTICIPANTS_PER_SESSION = 60;
    private static final int PRACTITIONERS_PER_BASE = 2_500;

    private final List<Base> bases = new ArrayList<>();
    private final Map<String, List<Session>> byYearAndCategory = new HashMap<>();

    Catalog(Settings settings) {
        SplittableRandom random = new SplittableRandom(Mix.of(settings.seed(), -1));
        for (Jurisdiction j : Jurisdiction.values()) {
            double share = j == Jurisdiction.IM ? IM_SHARE : 1 - IM_SHARE;
            double people = settings.practitioners() * share;
            int baseCount = (int) Math.max(2, Math.min(300, Math.round(people / PRACTITIONERS_PER_BASE)));
            List<Vocabulary.Region> regions = Vocabulary.regions(j);
            List<List<Session>> sessionsOfBase = new ArrayList<>();
            List<String[]> baseHeads = new ArrayList<>();
            for (int b = 0; b < baseCount; b++) {
                Vocabulary.Region region = regions.get(b % regions.size());
                String baseId = j + "-B" + String.format("%04d", b + 1);
                double l = random.nextDouble();
                String level = l < 0.1 ? "NATIONAL" : (j == Jurisdiction.IM && l > 0.7 ? "LEAGUE" : "REGIONAL");
                String name = region.name() + (b / regions.size() == 0 ? "" : "第" + (b / regions.size() + 1))
                        + "专业技术人员继续教育基地";
                baseHeads.add(new String[]{baseId, name, level, region.name()});
                sessionsOfBase.add(new ArrayList<>());
            }
            for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
                for (Category c : Category.values()) {
                    double expected = people * (c == Category.PUBLIC ? P_PUBLIC_AWARD * P_PUBLIC_AT_BASE
                            : (P_PROFESSIONAL_AWARD + P_EXTRA_PROFESSIONAL) * P_PROFESSIONAL_AT_BASE);
                    int count = (int) Math.max(1, Math.ceil(expected / PARTICIPANTS_PER_SESSION));
                    int capacity = (int) Math.ceil(expected / count * 1.5) + 5;
                    List<Session> list = new ArrayList<>(count);
                    for (int s = 0; s < count; s++) {
                        int b = s % baseCount;
                        Session session = session(random, settings, baseHeads.get(b), year, c, s + 1, capacity);
                        list.add(session);
                        sessionsOfBase.get(b).add(session);
                    }
                    byYearAndCategory.put(key(j, year, c), list);
                }
            }
            for (int b = 0; b < baseCount; b++) {
                String[] h = baseHeads.get(b);
                bases.add(new Base(h[0], h[1], h[2], j, h[3], List.copyOf(sessionsOfBase.get(b))));
            }
        }
    }

    private static Session session(SplittableRandom random, Settings settings, String[] base, int year, Category c,
                                   int number, int capacity) {
        boolean inPerson = random.nextDouble() < 0.6;
        LocalDate last = year == settings.lastYear() ? settings.asOf() : LocalDate.of(year, 12, 31);
        int span = inPerson ? 1 + random.nextInt(5) : 7 + random.nextInt(24);
        LocalDate first = LocalDate.of(year, 1, 10);
        int room = (int) (last.toEpochDay() - first.toEpochDay()) - span;
        LocalDate start = first.plusDays(random.nextInt(Math.max(1, room)));
        LocalDate end = start.plusDays(span - 1);
        BigDecimal hours = inPerson ? BigDecimal.valueOf(span * (random.nextBoolean() ? 8L : 6L))
                : BigDecimal.valueOf(24 + random.nextInt(33) / 2.0).setScale(1);
        String[] subjects = c == Category.PUBLIC ? Vocabulary.PUBLIC_SUBJECTS : Vocabulary.PROFESSIONAL_SUBJECTS;
        String title = year + "年度" + subjects[random.nextInt(subjects.length)] + (c == Category.PUBLIC ? "（公需科目）"
                : "（专业科目）") + "第" + number + "期";
        String sessionId = base[0] + "-" + year + (c == Category.PUBLIC ? "-G" : "-Z") + String.format("%03d", number);
        return new Session(sessionId, base[0], title, c, inPerson ? "IN_PERSON" : "ONLINE", start, end,
                inPerson ? base[3] + "专业技术人员培训中心" : "线上学习平台", capacity, hours, year);
    }

    private static String key(Jurisdiction j, int year, Category c) {
        return j + "/" + year + "/" + c;
    }

    public List<Base> bases() {
        return bases;
    }

    Session pick(SplittableRandom random, Jurisdiction j, int year, Category c) {
        List<Session> list = byYearAndCategory.get(key(j, year, c));
        return list.get(random.nextInt(list.size()));
    }

    public int sessionCount() {
        return bases.stream().mapToInt(b -> b.sessions().size()).sum();
    }
}
