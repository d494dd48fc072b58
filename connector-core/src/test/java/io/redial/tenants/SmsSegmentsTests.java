package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTests {

    @Test
    void plainTextIsGsm7With160PerSegmentAnd153WhenSplit() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2));
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
        assertThat(SmsSegments.of("[" + "a".repeat(159)).segments()).isEqualTo(2);
    }

    @Test
    void oneEmojiSwitchesTheWholeTextToUcs2() {
        assertThat(SmsSegments.of("a".repeat(68) + "🔥")).isEqualTo(new SmsSegments("UCS-2", 70, 1));
        assertThat(SmsSegments.of("a".repeat(69) + "🔥")).isEqualTo(new SmsSegments("UCS-2", 71, 2));
        assertThat(SmsSegments.of("ñ and é are GSM-7, but ć is not").encoding()).isEqualTo("UCS-2");
    }
}
