package io.redial.crm.sync;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmException;
import io.redial.crm.CrmJournal;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmUninstalled;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Polls every CRM journal ({@link CrmJournal}) on a recurring task, so one node at a time reads it: each entry's
 * uninstalled accounts are disconnected as an uninstall webhook would ({@link CrmUninstalled}), then its offset is
 * stored in {@code crm_journal_offsets}, so a restart or another node resumes after the last entry handled (an entry
 * handled twice after a crash only disconnects again what is already disconnected).
 */
@Configuration(proxyBeanMethods = false)
class CrmJournalPolls {

    private static final Logger log = LoggerFactory.getLogger(CrmJournalPolls.class);
    /** Entries read in one run at most; the next run goes on from there. */
    private static final int MAX_ENTRIES = 100;

    private final CrmCatalog catalog;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrmJournalPolls(CrmCatalog catalog, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> crmJournalTask(@Value("${redial.crm.journal-interval:PT1M}") Duration every) {
        return Tasks.recurring("crm-journals", FixedDelay.of(every)).execute((instance, context) -> pollAll());
    }

    /** @return how many entries were handled */
    int pollAll() {
        int handled = 0;
        for (CrmProvider provider : catalog.providers()) {
            Optional<CrmJournal> journal = provider.journal();
            if (journal.isPresent()) {
                try {
                    handled += poll(provider, journal.get());
                } catch (CrmException failure) { // down, throttled or refused: the next run tries again from the stored offset
                    log.warn("{} journal not read this time: {}", provider.id(), failure.getMessage());
                }
            }
        }
        return handled;
    }

    private int poll(CrmProvider provider, CrmJournal journal) {
        String crm = provider.id().value();
        @Nullable String offset = jdbc.sql("SELECT journal_offset FROM crm_journal_offsets WHERE crm = ?").param(crm)
                .query(String.class).optional().orElse(null);
        int handled = 0;
        for (Optional<CrmJournal.Entry> next; handled < MAX_ENTRIES && (next = journal.next(offset)).isPresent(); handled++) {
            CrmJournal.Entry entry = next.get();
            for (String account : entry.uninstalledAccounts()) {
                log.info("{} journal: account {} uninstalled the app", crm, account);
                events.publishEvent(new CrmUninstalled(provider.id(), account));
            }
            offset = entry.offset();
            jdbc.sql("""
                    INSERT INTO crm_journal_offsets (crm, journal_offset, updated_at) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE journal_offset = VALUES(journal_offset), updated_at = VALUES(updated_at)""")
                    .params(crm, offset, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        }
        return handled;
    }
}
