package io.redial.receptionist.triage;

import io.redial.receptionist.reading.Language;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.leads.Urgency;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class TriageTests {

    static final List<TriageRule> DEFAULTS = TriageRules.defaults().stream()
            .sorted(java.util.Comparator.comparing(TriageRule::urgency)).toList();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I smell gas in the basement                              | gas-smell
            Huele a gas en la cocina                                 | gas-smell
            the CO detector is beeping                               | co-alarm
            heat went out and it's below freezing                    | no-heat-freezing
            no cooling and it's 110 degrees out                      | no-cooling-extreme-heat
            water pouring from a busted pipe                         | burst-pipe
            sewer is backing up into the tub                         | sewage-backup
            burning smell from the electrical panel                  | sparking-panel
            el enchufe echa chispas                                  | sparking-panel
            roof is leaking into the bedroom                         | active-roof-leak
            a big branch came down on the house                      | tree-on-roof
            the heat is out in the upstairs bedrooms                 | no-heat
            power is out in the kitchen                              | power-out
            """)
    void defaultRulesRecogniseTheEmergenciesAndUrgentCasesOfEachTrade(String text, String code) {
        assertThat(Triage.firstMatch(DEFAULTS, text)).get().extracting(TriageRule::code).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            is a gas furnace cheaper to run than a heat pump?
            I'd like a quote for new gutters
            can you install a ceiling fan
            my thermostat display is blank
            """)
    void routineQuestionsMatchNoEmergencyRule(String text) {
        assertThat(Triage.firstMatch(DEFAULTS, text)).map(TriageRule::urgency).isNotEqualTo(java.util.Optional.of(Urgency.EMERGENCY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            my AC is blowing warm air          | hvac
            toilet keeps running               | plumbing
            missing shingles after the storm   | roofing
            two outlets stopped working        | electrical
            """)
    void guessesTheTradeFromTheCallersWords(String text, String trade) {
        assertThat(Triage.trade(text, List.of())).isEqualTo(trade);
    }

    @org.junit.jupiter.api.Test
    void gasSafetyTextTellsTheCallerToLeaveFirstAndCallFromOutside() {
        TriageRule gas = Triage.firstMatch(DEFAULTS, "smells like gas").orElseThrow();

        assertThat(gas.safety(Language.EN)).startsWith("If you smell gas, leave the building now").contains("Once outside, call your gas utility or 911");
        assertThat(gas.safety(Language.ES)).startsWith("Si huele a gas, salga del edificio ahora");
        assertThat(gas.routing()).isEqualTo(Routing.ESCALATE);
    }
}
