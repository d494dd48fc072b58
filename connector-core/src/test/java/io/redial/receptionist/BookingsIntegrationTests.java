package io.redial.receptionist;

import io.redial.receptionist.booking.BookingWindows;
import io.redial.receptionist.booking.Bookings;
import io.redial.receptionist.booking.Slot;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.conversations.Conversation;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Slots come from the tenant's windows and capacity; the database lets exactly one caller take the last one. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.llm.base-url=")
@DirtiesContext
class BookingsIntegrationTests {

    @Autowired AnnaFixture fixture;
    @Autowired Bookings bookings;
    @Autowired BookingWindows windows;
    @Autowired ReceptionistProfiles profiles;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager txm;
    TenantId tenant;
    ReceptionistProfile profile;

    @BeforeEach
    void oneMorningWindowADay() {
        tenant = fixture.tenant("slots-co", "+15125550802");
        windows.replace(tenant, Arrays.stream(DayOfWeek.values())
                .map(d -> new BookingWindows.Window(d, LocalTime.of(8, 0), LocalTime.of(12, 0), 1)).toList());
        jdbc.sql("DELETE FROM bookings WHERE tenant_id = ?").param(tenant.value()).update();
        profiles.saveSettings(tenant, new ReceptionistSettings(false, 20, 30, 1, 8));
        profile = profiles.find(tenant).orElseThrow();
    }

    @Test
    void offersTheTenantsOwnWindowsEarliestFirst() {
        List<Slot> open = bookings.open(profile, 3);

        assertThat(open).hasSize(3);
        assertThat(open).isSortedAccordingTo(java.util.Comparator.comparing(Slot::start));
        assertThat(open).allMatch(s -> s.localStart().toLocalTime().equals(LocalTime.of(8, 0)));
    }

    @Test
    void aTakenSlotIsNeverOfferedOrBookedAgain() {
        Slot first = bookings.open(profile, 3).getFirst();
        long lead = lead("+15125550170");
        long other = lead("+15125550171");

        assertThat(inTransaction(() -> bookings.book(profile, lead, first))).isTrue();

        assertThat(bookings.open(profile, 3)).noneMatch(s -> s.start().equals(first.start()));
        assertThat(inTransaction(() -> bookings.book(profile, other, first))).isFalse();
    }

    @Test
    void whenTwoCallersRaceForTheLastSlotExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            Slot last = bookings.open(profile, 1).getFirst();
            long a = lead("+1512555018" + round);
            long b = lead("+1512555019" + round);
            var barrier = new CyclicBarrier(2);
            try (var pool = Executors.newFixedThreadPool(2)) {
                List<Future<Boolean>> results = new ArrayList<>();
                for (long lead : List.of(a, b)) {
                    results.add(pool.submit(() -> inTransaction(() -> {
                        barrier.await();
                        return bookings.book(profile, lead, last);
                    })));
                }
                assertThat(results.get(0).get() ^ results.get(1).get()).as("round %d: exactly one wins", round).isTrue();
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM bookings WHERE tenant_id = ? AND slot_start = ?")
                    .params(tenant.value(), java.time.LocalDateTime.ofInstant(last.start(), java.time.ZoneOffset.UTC))
                    .query(Long.class).single()).isOne();
        }
    }

    @Test
    void theDailyCapacityCapsBookingsAcrossWindows() {
        windows.replace(tenant, List.of(
                new BookingWindows.Window(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), 1),
                new BookingWindows.Window(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0), 1)));
        profiles.saveSettings(tenant, new ReceptionistSettings(false, 20, 30, 1, 8));
        profile = profiles.find(tenant).orElseThrow();
        List<Slot> monday = bookings.open(profile, 4).stream()
                .filter(s -> s.localStart().toLocalDate().equals(bookings.open(profile, 1).getFirst().localStart().toLocalDate()))
                .toList();
        long lead = lead("+15125550172");
        long other = lead("+15125550173");

        assertThat(inTransaction(() -> bookings.book(profile, lead, monday.getFirst()))).isTrue();

        Slot afternoon = new Slot(monday.getFirst().start().plusSeconds(5 * 3600), monday.getFirst().end().plusSeconds(5 * 3600),
                monday.getFirst().zone(), 1);
        assertThat(inTransaction(() -> bookings.book(profile, other, afternoon))).isFalse();
    }

    private long lead(String phone) {
        Conversation c = fixture.conversation(tenant, phone);
        return inTransaction(() -> leads.capture(tenant, c.callerId(), null, null));
    }

    private <T> T inTransaction(Callable<T> work) {
        var tx = new TransactionTemplate(txm);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return tx.execute(s -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
