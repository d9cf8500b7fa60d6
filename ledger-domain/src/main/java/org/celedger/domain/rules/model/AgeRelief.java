package org.celedger.domain.rules.model;

/** An age relief (RULES.md §6): applies to men from {@code menAge} and women from {@code womenAge}, at the as-of date (I-9). */
public record AgeRelief<M extends Enum<M>>(Cited<M> mode, Cited<Integer> menAge, Cited<Integer> womenAge) {
}
