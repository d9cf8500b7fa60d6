package org.celedger.domain.base;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.celedger.domain.practitioner.Category;

/**
 * Reads a roster (培训花名册) in the CSV layout of its annex ({@code IM-2022} 附件1, {@code IM-2025} 附件2):
 * a header row, then one row per participant. A pure function of the bytes.
 *
 * <p><b>Encoding.</b> Bytes that are valid UTF-8 are read as UTF-8 (a leading byte order mark is dropped);
 * anything else as GBK, the encoding spreadsheet programs on Chinese Windows save CSV in. GBK is read through
 * its superset GB18030, so that a name with a rare character (生僻字) outside GBK also survives.
 *
 * <p><b>Columns</b>, found by their header, in any order (Latin names ignore case):
 * <ul>
 *   <li>the practitioner: {@code practitionerId} or {@code 人员编号} (the ledger's id), else {@code 身份证号} /
 *       {@code 身份证号码}: a resident ID number, its check character verified, that the caller resolves to the
 *       practitioner registered with it ({@link PractitionersByIdNumber}); the number never becomes an id and
 *       no message quotes it;</li>
 *   <li>{@code 学时} (or {@code hours}): hours with at most one decimal;</li>
 *   <li>{@code 科目类别} (or {@code category}): {@code 公需科目} / {@code 公需} / {@code PUBLIC} or
 *       {@code 专业科目} / {@code 专业} / {@code PROFESSIONAL};</li>
 *   <li>optional {@code 姓名} (or {@code name}); {@code 序号}, {@code 性别}, {@code 单位} and any other column are
 *       read past.</li>
 * </ul>
 * Fields follow RFC 4180: a field in double quotes may hold commas, line breaks and doubled quotes. Blank rows
 * are skipped. A row with another number of columns than the header (trailing empty cells aside) is invalid.
 *
 * <p>Each data row is reported with its row number, valid or not, so one bad row loses nothing else; the
 * rows' contents are checked as the aggregate checks them. Only a file without a usable header is refused
 * as a whole, with an {@link InvalidFactException} on the field {@code roster}.
 */
public final class RosterCsv {

    private static final Charset GBK = Charset.forName("GB18030");

    private static final List<String> ID_HEADERS = List.of("practitionerid", "人员编号");
    private static final List<String> RESIDENT_ID_HEADERS = List.of("身份证号", "身份证号码");
    private static final List<String> HOURS_HEADERS = List.of("学时", "hours");
    private static final List<String> CATEGORY_HEADERS = List.of("科目类别", "category");
    private static final List<String> NAME_HEADERS = List.of("姓名", "name");

    private RosterCsv() {
    }

    /** Characters of a 学时 cell: an amount of hours is a few digits. */
    private static final int MAX_HOURS_TEXT = 20;

    /** A cell as a message may quote it. */
    private static String excerpt(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
    }

    /** The data rows of a roster in {@code bytes} that names practitioners by the ledger's id only, in file order. */
    public static List<RosterCsvRow> parse(byte[] bytes) {
        return parse(bytes, PractitionersByIdNumber.NONE);
    }

    /** The data rows of the roster in {@code bytes}, in file order, 身份证号 resolved by {@code byIdNumber}. */
    public static List<RosterCsvRow> parse(byte[] bytes, PractitionersByIdNumber byIdNumber) {
        List<List<String>> records = records(decode(bytes));
        if (records.isEmpty() || blank(records.get(0))) {
            throw new InvalidFactException("roster", "the roster has no header row");
        }
        Columns columns = Columns.of(records.get(0));
        List<RosterCsvRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            if (!blank(records.get(i))) {
                rows.add(row(i + 1, records.get(i), columns, byIdNumber));
            }
        }
        return rows;
    }

    /** UTF-8 if the bytes are valid UTF-8 (without its byte order mark), else GBK. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, GBK);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static RosterCsvRow row(int rowNumber, List<String> cells, Columns columns,
                                    PractitionersByIdNumber byIdNumber) {
        if (cells.size() < columns.count
                || cells.subList(columns.count, cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            return RosterCsvRow.invalid(rowNumber, "row", "row " + rowNumber + " has " + cells.size()
                    + " columns, the header has " + columns.count);
        }
        try {
            String practitionerId = cells.get(columns.id);
            if (columns.idIsResidentId && !practitionerId.isEmpty()) {
                practitionerId = practitioner(rowNumber, ResidentIdNumber.normalised(practitionerId), byIdNumber);
            }
            String hoursText = cells.get(columns.hours);
            BigDecimal hours;
            // A long cell is no amount of hours and would be slow to parse: refused before parsing. A short one
            // with a huge exponent (1e999999999) parses cheaply and is refused by the entry check, unprinted.
            if (hoursText.length() > MAX_HOURS_TEXT) {
                throw new InvalidFactException("hours", "row " + rowNumber + ": 学时 \"" + excerpt(hoursText)
                        + "\" is not an amount of hours");
            }
            try {
                hours = hoursText.isEmpty() ? null : new BigDecimal(hoursText);
            } catch (NumberFormatException e) {
                throw new InvalidFactException("hours", "row " + rowNumber + ": 学时 \"" + excerpt(hoursText)
                        + "\" is not a number");
            }
            Category category = category(rowNumber, cells.get(columns.category));
            String name = columns.name < 0 || cells.get(columns.name).isEmpty() ? null : cells.get(columns.name);
            RosterEntry raw = new RosterEntry(practitionerId.isEmpty() ? null : practitionerId, name, hours, category);
            return RosterCsvRow.of(rowNumber, RosterEntries.checked(raw));
        } catch (InvalidFactException e) {
            String message = e.getMessage().startsWith("row ") ? e.getMessage()
                    : "row " + rowNumber + ": " + e.getMessage();
            return RosterCsvRow.invalid(rowNumber, e.field(), message);
        }
    }

    private static Category category(int rowNumber, String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "" -> null; // reported as missing by the entry check
            case "公需科目", "公需", "PUBLIC" -> Category.PUBLIC;
            case "专业科目", "专业", "PROFESSIONAL" -> Category.PROFESSIONAL;
            default -> throw new InvalidFactException("category", "row " + rowNumber + ": 科目类别 \"" + excerpt(text)
                    + "\" is neither 公需科目 nor 专业科目");
        };
    }

    /** The practitioner registered with a valid resident ID number; neither message quotes the number. */
    private static String practitioner(int rowNumber, String number, PractitionersByIdNumber byIdNumber) {
        if (!ResidentIdNumber.isValid(number)) {
            throw new InvalidFactException("idNumber", "row " + rowNumber
                    + ": 身份证号 is not a valid resident ID number (18 characters, check character)");
        }
        return byIdNumber.practitionerId(number).orElseThrow(() -> new InvalidFactException("idNumber",
                "row " + rowNumber + ": no practitioner is registered with this 身份证号"));
    }

    /** Where the columns the ledger reads are, by header. */
    private record Columns(int count, int id, boolean idIsResidentId, int hours, int category, int name) {

        static Columns of(List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            int id = find(index, ID_HEADERS);
            boolean residentId = id < 0;
            if (residentId) {
                id = find(index, RESIDENT_ID_HEADERS);
            }
            if (id < 0) {
                throw new InvalidFactException("roster",
                        "the roster's header names no practitioner column (身份证号, 人员编号 or practitionerId)");
            }
            int hours = find(index, HOURS_HEADERS);
            if (hours < 0) {
                throw new InvalidFactException("roster", "the roster's header has no 学时 column");
            }
            int category = find(index, CATEGORY_HEADERS);
            if (category < 0) {
                throw new InvalidFactException("roster", "the roster's header has no 科目类别 column");
            }
            return new Columns(header.size(), id, residentId, hours, category, find(index, NAME_HEADERS));
        }

        private static int find(Map<String, Integer> index, List<String> names) {
            return names.stream().filter(index::containsKey).map(index::get).findFirst().orElse(-1);
        }
    }

    // ---------------------------------------------------------------- RFC 4180

    /** The records of the text, each a list of trimmed fields; a blank line is a record of one empty field. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean pending = false; // something of the current record was read
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    pending = true;
                }
                case ',' -> {
                    record.add(field.toString().strip());
                    field.setLength(0);
                    pending = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(field.toString().strip());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    pending = false;
                }
                default -> {
                    field.append(c);
                    pending = true;
                }
            }
        }
        if (pending || field.length() > 0) {
            record.add(field.toString().strip());
            records.add(record);
        }
        return records;
    }

    private static boolean blank(List<String> record) {
        return record.stream().allMatch(String::isEmpty);
    }
}
