package org.celedger.domain.base;

/**
 * The level at which a continuing-education base (继续教育基地) is accredited (RULES.md §1):
 * national (国家级), regional (自治区级) or league/city (盟市级).
 */
public enum BaseLevel { NATIONAL, REGIONAL, LEAGUE }
