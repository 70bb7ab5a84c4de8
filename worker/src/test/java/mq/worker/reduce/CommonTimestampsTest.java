package mq.worker.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommonTimestampsTest {

    @Test
    void readsTheCommonShapesAsJavaTimeDoes() {
        Random random = new Random(7);
        String[] fractions = {"", ".5", ".25", ".123", ".123456", ".123456789"};
        String[] offsets = {"", "Z", "z", "+02:00", "-05:30", "+00:00", "-00:00", "+18:00"};
        for (int i = 0; i < 20_000; i++) {
            // Some fields out of range on purpose: those must be left to the general path.
            String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d%s%s", 1 + random.nextInt(9998), 1 + random.nextInt(13),
                    1 + random.nextInt(32), random.nextBoolean() ? 'T' : ' ', random.nextInt(25), random.nextInt(61),
                    random.nextInt(61), fractions[random.nextInt(fractions.length)], offsets[random.nextInt(offsets.length)]);

            Instant expected = javaTime(text);
            Instant fast = CommonTimestamps.tryParse(text);

            if (expected == null) {
                assertThat(fast).as(text).isNull();
            } else {
                assertThat(fast).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void leavesOtherShapesToTheGeneralPath() {
        for (String text : new String[] {"2025-01-01", "2025-01-01T10:00", "2025-01-01T10:00:00.", "1735689600",
                "2025-01-01T10:00:00+0100", "2025-01-01T10:00:00+02:00:30", "2025-01-01T10:00:00.1234567891Z",
                "2025-02-30T10:00:00Z", "+2025-01-01T10:00:00Z", "2025-01-01T10:00:00+19:00", "2025-01-01T10:00:00 "}) {
            assertThat(CommonTimestamps.tryParse(text)).as(text).isNull();
        }
    }

    @Test
    void dateTimesWithoutAnOffsetGoTheGeneralWayInAnyZoneButUtc() {
        assertThat(CommonTimestamps.tryParse("2025-03-01T10:15:30", java.time.ZoneId.of("Europe/Paris"))).isNull();
        assertThat(CommonTimestamps.tryParse("2025-03-01T10:15:30Z", java.time.ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(CommonTimestamps.tryParse("2025-03-01T10:15:30", java.time.ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(TimestampParser.parse("2025-03-01 10:15:30", java.time.ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2025-03-01T09:15:30Z"));
    }

    @Test
    void theParserGivesTheSameInstantsWithTheFastPath() {
        assertThat(TimestampParser.parse("2025-03-01T10:15:30.250Z")).isEqualTo(Instant.parse("2025-03-01T10:15:30.250Z"));
        assertThat(TimestampParser.parse("2025-03-01 10:15:30")).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(TimestampParser.parse("2025-03-01T10:15:30+02:00")).isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
    }

    /** What the general path computes: ISO-8601 with or without an offset, a space allowed for the T. */
    private static Instant javaTime(String text) {
        String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            boolean offset = iso.endsWith("Z") || iso.endsWith("z") || iso.indexOf('+', 11) > 0 || iso.indexOf('-', 11) > 0;
            return offset ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
