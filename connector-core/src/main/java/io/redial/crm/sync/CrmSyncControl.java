package io.redial.crm.sync;

import io.redial.jobs.DurableJobs;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the console offers on CRM sync: the work that needs a person, and retrying it. */
@Service
public class CrmSyncControl {

    private static final List<SyncState> NEEDS_ATTENTION = List.of(SyncState.REJECTED, SyncState.FAILED, SyncState.BLOCKED);

    private final SyncWork work;
    private final DurableJobs jobs;
    private final Clock clock;

    CrmSyncControl(SyncWork work, DurableJobs jobs, Clock clock) {
        this.work = work;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Rejected, failed and blocked work of the tenant, oldest first, each with its last error. */
    public List<SyncItem> needingAttention(TenantId tenant) {
        return work.inStates(tenant, NEEDS_ATTENTION);
    }

    /** Every unit of work of the tenant in one state (e.g. what is still pending). */
    public List<SyncItem> inState(TenantId tenant, SyncState state) {
        return work.inStates(tenant, List.of(state));
    }

    /** Queues rejected or failed work again; false when it is not the tenant's or not retryable. */
    @Transactional
    public boolean retry(TenantId tenant, long workId) {
        if (!work.reopen(tenant, workId)) {
            return false;
        }
        jobs.runOnce(CrmSyncTask.instance(workId, clock.instant()));
        return true;
    }
}
