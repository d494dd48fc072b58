package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.tenants.CallPattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The call-outcome table: every row is a situation a contractor's phone line really produces. */
class CallOutcomeEngineTests {

    private static final int THRESHOLD = 4;

    static Stream<Arguments> situations() {
        return Stream.of(
                row("no-answer", dial("in-progress", "no-answer", 0, null, true, false, null), CallOutcome.MISSED, "nobody answered"),
                row("busy", dial("in-progress", "busy", 0, null, true, false, null), CallOutcome.MISSED, "busy"),
                row("failed", dial("in-progress", "failed", 0, null, true, false, null), CallOutcome.MISSED, "could not be reached"),
                row("canceled after a long ring", dial("completed", "canceled", 0, 25, true, false, null), CallOutcome.MISSED, "hung up after 25 s"),
                row("completed but never accepted (voicemail picked up)", dial("in-progress", "completed", 25, null, true, false, null),
                        CallOutcome.MISSED, "nobody pressed 1"),
                row("accepted by a human", dial("in-progress", "completed", 95, null, true, true, null), CallOutcome.ANSWERED, "pressed 1"),
                row("no screening, bridged to a person", dial("in-progress", "completed", 60, null, false, false, "human"),
                        CallOutcome.ANSWERED, "bridged"),
                row("no screening, a machine answered", dial("in-progress", "completed", 30, null, false, false, "machine_end_beep"),
                        CallOutcome.MISSED, "voicemail answered"),
                row("caller hung up while ringing after 1 s", parentOnly("completed", 1), CallOutcome.HUNG_UP_TOO_FAST, "after 1 s"),
                row("caller hung up while ringing after 10 s", parentOnly("completed", 10), CallOutcome.MISSED, "after 10 s"),
                row("caller hung up, dial result says canceled after 1 s", dial("completed", "canceled", 0, 1, true, false, null),
                        CallOutcome.HUNG_UP_TOO_FAST, "threshold"),
                row("forwarded call with ForwardedFrom", forwarded(true), CallOutcome.MISSED, "forwarded a call"),
                row("forwarded call without ForwardedFrom", forwarded(false), CallOutcome.MISSED, "no diversion info"),
                row("staff calling their own line", staff(), CallOutcome.NOT_A_LEAD, "own staff"),
                row("unknown dial status", dial("in-progress", "something-new", 0, null, true, false, null),
                        CallOutcome.MISSED, "treated as missed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void decidesEachSituationWithAReason(String situation, CallFacts facts, CallOutcome expected, String reasonPart) {
        CallDecision decision = CallOutcomeEngine.decide(facts, THRESHOLD);

        assertThat(decision).isNotNull();
        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.reason()).contains(reasonPart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecided")
    void waitsWhileTheFactsCannotSettleIt(String situation, CallFacts facts) {
        assertThat(CallOutcomeEngine.decide(facts, THRESHOLD)).isNull();
    }

    static Stream<Arguments> undecided() {
        return Stream.of(
                Arguments.of("still ringing", parentOnly("ringing", null)),
                Arguments.of("in progress, no dial result yet", parentOnly("in-progress", null)));
    }

    private static Arguments row(String name, CallFacts facts, CallOutcome outcome, String reason) {
        return Arguments.of(name, facts, outcome, reason);
    }

    private static CallFacts dial(String parent, String dialStatus, int dialSeconds, Integer callSeconds, boolean screening,
            boolean accepted, String answeredBy) {
        return new CallFacts(CallPattern.DIAL, parent, dialStatus, dialSeconds, callSeconds, screening, accepted, answeredBy,
                false, false);
    }

    private static CallFacts parentOnly(String parent, Integer callSeconds) {
        return new CallFacts(CallPattern.DIAL, parent, null, null, callSeconds, true, false, null, false, false);
    }

    private static CallFacts forwarded(boolean forwardedFromKnown) {
        return new CallFacts(CallPattern.FORWARDED, "ringing", null, null, null, false, false, null, forwardedFromKnown, false);
    }

    private static CallFacts staff() {
        return new CallFacts(CallPattern.DIAL, "ringing", null, null, null, true, false, null, false, true);
    }
}
