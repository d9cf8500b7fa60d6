package org.celedger.domain.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.practitioner.Category;
import org.junit.jupiter.api.Test;

/** The 花名册 CSV: both encodings, quoting, and every kind of bad row reported with its row number. */
class RosterCsvTest {

    private static final String HEADER = "序号,姓名,性别,身份证号,单位,学时,科目类别\r\n";
    /** Resident ID numbers with valid check characters (GB 11643-1999). */
    private static final String WANG = "150102198005170023";
    private static final String LI = "150102197511031515";
    private static final String ZHAO = "64010419900101123X";
    /** Valid, but no practitioner is registered with it. */
    private static final String NOBODY = "150203199001011232";
    /** The practitioners the ledger would find by those numbers. */
    private static final PractitionersByIdNumber REGISTERED = number -> Optional.ofNullable(
            Map.of(WANG, "p-wang", LI, "p-li", ZHAO, "p-zhao").get(number));

    @Test
    void readsAGbkFileWithChineseNames() throws Exception {
        String csv = HEADER
                + "1,王芳,女," + WANG + ",内蒙古大学,24,专业科目\r\n"
                + "2,李明,男," + LI + ",包头市第一医院,12.5,公需科目\r\n"
                + "3,赵岩,男," + ZHAO.toLowerCase() + ",银川市人民医院,8,PUBLIC\r\n";
        byte[] gbk = csv.getBytes("GBK");
        assertThat(gbk).isNotEqualTo(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(RosterCsv.parse(gbk, REGISTERED)).containsExactly(
                RosterCsvRow.of(2, new RosterEntry("p-wang", "王芳", new BigDecimal("24.0"), Category.PROFESSIONAL)),
                RosterCsvRow.of(3, new RosterEntry("p-li", "李明", new BigDecimal("12.5"), Category.PUBLIC)),
                RosterCsvRow.of(4, new RosterEntry("p-zhao", "赵岩", new BigDecimal("8.0"), Category.PUBLIC)));
    }

    @Test
    void aNameWithARareCharacterOutsideGbkSurvivesInGb18030() {
        String csv = HEADER + "1,赵䶮,男," + ZHAO + ",银川市人民医院,8,公需科目\n";
        byte[] gb18030 = csv.getBytes(Charset.forName("GB18030"));

        assertThat(RosterCsv.parse(gb18030, REGISTERED)).containsExactly(
                RosterCsvRow.of(2, new RosterEntry("p-zhao", "赵䶮", new BigDecimal("8.0"), Category.PUBLIC)));
    }

    @Test
    void readsAUtf8FileWithABomAndAPractitionerIdColumnAndQuotedCommas() {
        String csv = "\uFEFF序号,姓名,人员编号,单位,学时,科目类别\n"
                + "1,王芳,p-1,\"内蒙古大学, 计算机学院\",24,专业科目\n"
                + "2,\"李 \"\"小\"\" 明\",p-2,\"鄂尔多斯市\n东胜区医院\",6,公需\n";

        assertThat(RosterCsv.parse(csv.getBytes(StandardCharsets.UTF_8))).containsExactly(
                RosterCsvRow.of(2, new RosterEntry("p-1", "王芳", new BigDecimal("24.0"), Category.PROFESSIONAL)),
                RosterCsvRow.of(3, new RosterEntry("p-2", "李 \"小\" 明", new BigDecimal("6.0"), Category.PUBLIC)));
    }

    @Test
    void aPractitionerIdColumnWinsOverTheIdNumberAndLatinHeadersIgnoreCase() {
        String csv = "身份证号,PractitionerId,Name,HOURS,Category\n123,p-1,王芳,8,professional\n";

        assertThat(RosterCsv.parse(csv.getBytes(StandardCharsets.UTF_8))).containsExactly(
                RosterCsvRow.of(2, new RosterEntry("p-1", "王芳", new BigDecimal("8.0"), Category.PROFESSIONAL)));
    }

    @Test
    void reportsEveryBadRowWithItsRowNumberAndLosesNothingElse() throws Exception {
        String csv = HEADER
                + "1,王芳,女," + WANG + ",内蒙古大学,24,专业科目\r\n"
                + "2,李明,男," + LI + ",内蒙古大学,二十四,专业科目\r\n"        // hours not a number
                + "3,张三,男," + ZHAO + ",内蒙古大学,24,选修科目\r\n"          // unknown category
                + "4,李四,男,,内蒙古大学,24,专业科目\r\n"                       // no id
                + "5,王五,男," + WANG + ",内蒙古大学,24\r\n"                    // a column short
                + "\r\n"                                                        // blank row, skipped
                + "7,赵六,女,150102198005170024,内蒙古大学,24,专业科目\r\n"     // wrong check character
                + "8,钱七,女," + LI + ",内蒙古大学,2.25,专业科目\r\n"          // two decimals
                + "9,孙八,女," + LI + ",内蒙古大学,0,专业科目\r\n"             // zero hours
                + "10,周九,男," + ZHAO + ",内蒙古大学,16,公需科目,,\r\n"       // trailing empty cells are fine
                + "11,吴十,男," + NOBODY + ",内蒙古大学,16,公需科目\r\n";     // nobody registered with it

        List<RosterCsvRow> rows = RosterCsv.parse(csv.getBytes(Charset.forName("GBK")), REGISTERED);

        assertThat(rows).extracting(RosterCsvRow::rowNumber, RosterCsvRow::valid, RosterCsvRow::field).containsExactly(
                tuple(2, true, null),
                tuple(3, false, "hours"),
                tuple(4, false, "category"),
                tuple(5, false, "practitionerId"),
                tuple(6, false, "row"),
                tuple(8, false, "idNumber"),
                tuple(9, false, "hours"),
                tuple(10, false, "hours"),
                tuple(11, true, null),
                tuple(12, false, "idNumber"));
        assertThat(rows).filteredOn(r -> !r.valid()).allSatisfy(r -> {
            assertThat(r.message()).startsWith("row " + r.rowNumber());
            assertThat(r.entry()).isNull();
        });
        assertThat(rows.get(1).message()).contains("二十四");
        assertThat(rows.get(2).message()).contains("选修科目");
        assertThat(rows.get(4).message()).isEqualTo("row 6 has 6 columns, the header has 7");
        assertThat(rows.get(8).entry()).isEqualTo(
                new RosterEntry("p-zhao", "周九", new BigDecimal("16.0"), Category.PUBLIC));
        assertThat(rows.get(5).message()).isEqualTo(
                "row 8: 身份证号 is not a valid resident ID number (18 characters, check character)");
        assertThat(rows.get(9).message()).isEqualTo("row 12: no practitioner is registered with this 身份证号");
        // A resident ID number is sensitive personal information: no message quotes one.
        assertThat(rows).allSatisfy(r -> assertThat(String.valueOf(r.message()))
                .doesNotContain(WANG, LI, ZHAO, NOBODY, "150102198005170024"));
    }

    @Test
    void aHeaderWithoutTheHoursColumnRefusesTheFile() {
        byte[] csv = "序号,姓名,身份证号,科目类别\n1,王芳,x,公需\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterCsv.parse(csv))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("roster"))
                .hasMessageContaining("学时");
    }

    @Test
    void aHeaderWithoutAPractitionerColumnRefusesTheFile() {
        byte[] csv = "序号,姓名,学时,科目类别\n1,王芳,8,公需\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterCsv.parse(csv))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("roster"));
    }

    @Test
    void anEmptyFileRefusesTheFile() {
        assertThatThrownBy(() -> RosterCsv.parse(new byte[0]))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("roster"));
    }

    @Test
    void aHeaderAloneHasNoRows() {
        assertThat(RosterCsv.parse(HEADER.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void hoursWithAHugeExponentOrTooManyDigitsAreInvalidRowsAnsweredAtOnceAndQuotedShort() {
        // 1e999999999 is 11 characters; printed in plain form it had a billion digits and exhausted the heap.
        String csv = "序号,姓名,人员编号,学时,科目类别\n"
                + "1,王芳,p-1,1e999999999,公需\n"
                + "2,李明,p-2,1e100000000,公需\n"
                + "3,赵岩,p-3,1e-999999999,公需\n"
                + "4,周九,p-4,-1e999999999,公需\n"
                + "5,吴十,p-5," + "9".repeat(100_000) + ",公需\n";

        List<RosterCsvRow> rows = RosterCsv.parse(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).extracting(RosterCsvRow::rowNumber, RosterCsvRow::valid, RosterCsvRow::field).containsExactly(
                tuple(2, false, "hours"), tuple(3, false, "hours"), tuple(4, false, "hours"), tuple(5, false, "hours"),
                tuple(6, false, "hours"));
        assertThat(rows).allSatisfy(r -> assertThat(r.message()).hasSizeLessThan(150));
        assertThat(rows.get(0).message()).contains("1E+999999999").contains("implausible");
    }
}
