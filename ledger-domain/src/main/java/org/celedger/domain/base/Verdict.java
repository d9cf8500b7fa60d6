package org.celedger.domain.base;

/**
 * What an inspection (抽查 / 巡查) of a session found (RULES.md §8).
 *
 * <ul>
 *   <li>{@link #CONFIRMED}: the session took place as filed and reported.</li>
 *   <li>{@link #DISCREPANCY}: it differs from what was filed (time, headcount) without being invented;
 *       recorded for the supervisor's sanctions ({@code IM-MEASURES-2017 第三十二条}), credits stay.</li>
 *   <li>{@link #FALSIFIED}: 弄虚作假 ({@code IM-2022 五(一)}): the session is invalidated and every credit it
 *       produced is revoked, with the inspection as cause.</li>
 * </ul>
 */
public enum Verdict { CONFIRMED, DISCREPANCY, FALSIFIED }
