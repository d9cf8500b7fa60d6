package org.celedger.domain.rules.model;

/**
 * A rule-set parameter: its value, the clause it comes from ({@code IM-2025 一(五)1}) and, where
 * the documents are silent or ambiguous, the interpretation id of RULES.md §9 ({@code I-9}).
 */
public record Cited<T>(T value, String citation, String interpretation) {

    /** The citation as traces print it: the clause, with the interpretation id in brackets if any. */
    public String cite() {
        return interpretation == null ? citation : citation + " (" + interpretation + ")";
    }
}
