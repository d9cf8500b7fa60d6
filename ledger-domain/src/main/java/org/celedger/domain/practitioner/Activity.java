package org.celedger.domain.practitioner;

/** The kind of learning activity an award was earned in; RULES.md §4.1 says which categories each may serve. */
public enum Activity {
    BASE_TRAINING,
    ONLINE_PLATFORM,
    INSTITUTION_TRAINING,
    INDUSTRY_TRAINING,
    ACADEMIC_EVENT,
    TEACHER_TRAINING,
    VOCATIONAL_SKILL_TRAINING,
    DEGREE_STUDY,
    OTHER_APPROVED
}
