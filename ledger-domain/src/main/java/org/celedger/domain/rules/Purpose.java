package org.celedger.domain.rules;

/** Why hours are examined (RULES.md §1): a title application (职称评审) or a title granted on a degree (考核认定). */
public enum Purpose { TITLE_EVALUATION, ASSESSMENT_RECOGNITION }
