package org.celedger.domain.base;

/**
 * How a session is taught. In-person time and headcount are what random checks look at
 * ({@code IM-2022 五(一)} "着重对面授培训的时间和人数"), and only in-person days bound the hours (I-11).
 */
public enum SessionMode { IN_PERSON, ONLINE }
