package org.celedger.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sealing serializer on its own (API.md "Personal data"): what it stores, what it reads back, and what it
 * refuses, with a master key of fixed bytes and an in-memory database.
 */
class PersonalDataSerializerTest {

    static final String NUMBER = "150102198005170023";

    ObjectMapper mapper;
    PersonalDataKeys keys;
    PersonalDataSerializer serializer;

    @BeforeEach
    void setUp() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:sealing-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        byte[] material = new byte[64];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        // as the ledger's mapper (SerializerConfiguration): decimals exactly as written, 8.0 stays 8.0
        mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        keys = new PersonalDataKeys(db, MasterKeys.of(material), Duration.ofSeconds(60));
        serializer = new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(mapper).build(), mapper, keys);
    }

    static PractitionerRegistered registered(String id) {
        return new PractitionerRegistered(id, new PractitionerProfile("王芳", NUMBER, Gender.FEMALE,
                LocalDate.of(1980, 5, 17), null, Jurisdiction.IM, "呼和浩特市", Sector.PUBLIC_INSTITUTION, false, "工程",
                TitleLevel.INTERMEDIATE, LocalDate.of(2015, 12, 1), Degree.BACHELOR));
    }

    String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    Object read(String json, Class<?> type) {
        SerializedObject<byte[]> s = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                serializer.typeForClass(type));
        return serializer.deserialize(s);
    }

    @Test
    void nameNumberAndBirthDateAreStoredSealedAndReadBackAsTheyWere() throws Exception {
        String json = stored(registered("p-1"));
        assertThat(json).doesNotContain("王芳", NUMBER, "1980-05-17").contains("\"birthYearMonth\":\"1980-05\"",
                "\"region\":\"呼和浩特市\"");
        ObjectNode profile = (ObjectNode) mapper.readTree(json).path("profile");
        for (String field : List.of("name", "idNumber", "birthDate")) {
            assertThat(profile.path(field).asText()).startsWith("pd1:");
        }
        assertThat(read(json, PractitionerRegistered.class)).isEqualTo(registered("p-1"));
        assertThat(stored(registered("p-1"))).as("a fresh nonce each time").isNotEqualTo(json);
    }

    @Test
    void aRosterRowsNameIsSealedUnderItsPractitionersKey() {
        RosterSubmitted roster = new RosterSubmitted("b-1", "s-1", List.of(
                new RosterEntry("p-1", "王芳", new BigDecimal("8.0"), Category.PUBLIC),
                new RosterEntry("p-2", null, new BigDecimal("8.0"), Category.PUBLIC)), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 5));
        String json = stored(roster);
        assertThat(json).doesNotContain("王芳");
        assertThat(read(json, RosterSubmitted.class)).isEqualTo(roster);
        keys.destroy("p-1");
        RosterSubmitted erased = (RosterSubmitted) read(json, RosterSubmitted.class);
        assertThat(erased.newEntries().get(0).name()).isNull();
        assertThat(erased.newEntries().get(0).hours()).isEqualByComparingTo("8.0");
    }

    @Test
    void onceTheKeyIsDestroyedTheFieldsReadAsNullAndTheBirthMonthStays() {
        String json = stored(registered("p-1"));
        keys.destroy("p-1");
        PractitionerProfile profile = ((PractitionerRegistered) read(json, PractitionerRegistered.class)).profile();
        assertThat(profile.name()).isNull();
        assertThat(profile.idNumber()).isNull();
        assertThat(profile.birthDate()).isNull();
        assertThat(profile.birthYearMonth()).isEqualTo(YearMonth.of(1980, 5));
        assertThat(profile.region()).isEqualTo("呼和浩特市");
    }

    @Test
    void aSealedValueMovedToAnotherPractitionerDoesNotOpen() throws Exception {
        ObjectNode one = (ObjectNode) mapper.readTree(stored(registered("p-1")));
        ObjectNode two = (ObjectNode) mapper.readTree(stored(registered("p-2")));
        ((ObjectNode) two.path("profile")).set("name", one.path("profile").path("name"));
        assertThatThrownBy(() -> read(two.toString(), PractitionerRegistered.class))
                .hasMessageContaining("does not open with its practitioner's key (field name)")
                .hasMessageNotContaining("王芳");
    }

    @Test
    void plainFieldsOfAnEventStoredBeforeReadAsTheyAreAndAreSealedOnRequest() throws Exception {
        String plain = mapper.writeValueAsString(registered("p-3"));
        assertThat(read(plain, PractitionerRegistered.class)).isEqualTo(registered("p-3"));
        ObjectNode tree = (ObjectNode) mapper.readTree(plain);
        ((ObjectNode) tree.path("profile")).remove("birthYearMonth"); // written before the month was kept apart
        serializer.seal(PractitionerRegistered.class.getName(), tree);
        assertThat(tree.toString()).doesNotContain("王芳", NUMBER, "1980-05-17").contains("\"birthYearMonth\":\"1980-05\"");
        assertThat(read(tree.toString(), PractitionerRegistered.class)).isEqualTo(registered("p-3"));
    }

    @Test
    void aPractitionerWhoseIdIsTheirNumberIsLeftUnsealedUntilReKeyed() {
        assertThat(stored(registered(NUMBER))).contains("王芳");
    }

    @Test
    void eventsWithoutPersonalDataAreWrittenAsTheJsonSerializerWritesThem() {
        CreditAwarded credit = new CreditAwarded("p-1", "a-1", 2026, Category.PUBLIC,
                org.celedger.domain.practitioner.Activity.ONLINE_PLATFORM, new BigDecimal("3.0"), null, null, null, "平台",
                null, LocalDate.of(2026, 5, 1));
        assertThat(stored(credit)).doesNotContain("pd1:").contains("\"awardId\":\"a-1\"");
        assertThat(read(stored(credit), CreditAwarded.class)).isEqualTo(credit);
    }
}
