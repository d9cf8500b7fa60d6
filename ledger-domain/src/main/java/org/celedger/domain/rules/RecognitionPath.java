package org.celedger.domain.rules;

/** The degree paths of an assessment recognition (考核认定, RULES.md §5): degree held → level recognised. */
public enum RecognitionPath { ASSOCIATE_TO_ASSISTANT, BACHELOR_TO_ASSISTANT, MASTER_TO_INTERMEDIATE, DOCTOR_TO_INTERMEDIATE }
