package io.redial.crm.servicetitan;

import io.redial.crm.CallLog;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmCustomer;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.RecordText;
import io.redial.crm.Transcript;
import io.redial.crm.servicetitan.internal.api.Address;
import io.redial.crm.servicetitan.internal.api.Booking;
import io.redial.crm.servicetitan.internal.api.BookingUpdate;
import io.redial.crm.servicetitan.internal.api.ContactMethod;
import io.redial.crm.servicetitan.internal.api.Customer;
import io.redial.crm.servicetitan.internal.api.Job;
import io.redial.crm.servicetitan.internal.api.Location;
import io.redial.crm.servicetitan.internal.api.NewBooking;
import io.redial.crm.servicetitan.internal.api.NewCustomer;
import io.redial.crm.servicetitan.internal.api.NewJob;
import io.redial.crm.servicetitan.internal.api.NewLocation;
import io.redial.crm.servicetitan.internal.api.NewNote;
import io.redial.crm.servicetitan.internal.api.Note;
import io.redial.crm.servicetitan.internal.api.Page;
import io.redial.crm.servicetitan.internal.client.ServiceTitanClient;
import io.redial.crm.servicetitan.internal.mapping.Addresses;
import io.redial.crm.servicetitan.internal.mapping.BookingText;
import io.redial.crm.servicetitan.internal.mapping.JobMapping;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * One ServiceTitan tenant in core's vocabulary. A lead becomes a booking in the CSRs' queue (found again by
 * its external id, our lead id); a known caller's customer is only looked up. When Anna books, the customer
 * and location are reused or created and a job is made from the tenant's trade × urgency table, tied to the
 * booking. Transcripts go into the booking's summary and, once there is a customer, into a customer note.
 */
final class ServiceTitanCrmGateway implements CrmGateway {

    static final String BOOKING = "booking";
    static final String CUSTOMER = "customer";
    static final String CUSTOMER_NOTE = "customer-note";
    static final String JOB = "job";
    static final String BOOKING_PROVIDER = "booking_provider";

    private static final ParameterizedTypeReference<Page<Customer>> CUSTOMERS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Page<Location>> LOCATIONS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Page<Booking>> BOOKINGS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Page<Job>> JOBS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Page<Note>> NOTES = new ParameterizedTypeReference<>() { };
    private static final String EMERGENCY_MARK = "EMERGENCY (set by Redial)";

    private final ServiceTitanClient st;
    private final Map<String, String> settings;
    private final String source;

    ServiceTitanCrmGateway(ServiceTitanClient st, CrmConnection connection, String source) {
        this.st = st;
        this.settings = connection.settings();
        this.source = source;
    }

    @Override
    public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
        Optional<Address> address = Addresses.parse(lead.details().serviceAddress());
        Urgency urgency = lead.details().urgency();
        Optional<JobMapping> row = urgency == null ? Optional.empty()
                : JobMapping.find(settings, lead.details().trade(), urgency);
        String priority = urgency == Urgency.EMERGENCY ? "Urgent"
                : row.map(JobMapping::priority).orElse(JobMapping.defaultPriority(urgency));
        String summary = BookingText.summary(lead, address.isPresent());
        Optional<Booking> existing = bookingOf(lead.leadId());
        if (existing.isPresent()) {
            Booking booking = existing.get();
            if ("New".equals(booking.status())) { // a CSR's accepted or converted booking is theirs now
                BookingUpdate changes = changes(booking, new BookingUpdate(BookingText.name(lead),
                        address.map(ServiceTitanCrmGateway::forPatch).orElse(null),
                        BookingText.keepingConversation(summary, booking.summary()), priority,
                        row.map(JobMapping::businessUnitId).orElse(null), row.map(JobMapping::jobTypeId).orElse(null),
                        row.map(JobMapping::campaignId).orElse(null)));
                if (changes != null) {
                    st.patch("crm", bookingPath(booking.id()), changes, Booking.class);
                }
            }
            return booking(booking.id());
        }
        boolean firstTime = customerWithPhone(lead.phone()).isEmpty(); // a known customer is looked up, never made here
        Booking created = st.post("crm", bookingsPath(), new NewBooking(source, BookingText.name(lead), address.orElse(null),
                List.of(ContactMethod.mobile(BookingText.national(lead.phone()))), summary, firstTime,
                externalId(lead.leadId()), priority, row.map(JobMapping::businessUnitId).orElse(null),
                row.map(JobMapping::jobTypeId).orElse(null), row.map(JobMapping::campaignId).orElse(null)), Booking.class);
        return booking(created.id());
    }

    @Override
    public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
        return customerWithPhone(phone).map(c -> new CrmRecordRef(CUSTOMER, String.valueOf(c.id())));
    }

    /** ServiceTitan keeps one name; a residential customer's first word is how we greet them. */
    @Override
    public Optional<CrmCustomer> lookUpCustomer(PhoneNumber phone) {
        return customerWithPhone(phone).map(c -> new CrmCustomer(new CrmRecordRef(CUSTOMER, String.valueOf(c.id())),
                "Commercial".equals(c.type()) || c.name().isBlank() ? null : c.name().trim().split("\\s+")[0], c.name()));
    }

    /** ServiceTitan offers no way to create a call record; the provider does not claim the capability. */
    @Override
    public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
        throw new UnsupportedOperationException("ServiceTitan's API cannot record a call");
    }

    /** Without the lead: the conversation goes where the record can take it (a booking's summary, a customer's notes). */
    @Override
    public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript) {
        if (contact.type().equals(CUSTOMER)) {
            long customerId = Long.parseLong(contact.id());
            return customerNote(customerId, BookingText.noteHeader(transcript), BookingText.transcriptNote(transcript));
        }
        long bookingId = Long.parseLong(contact.id());
        Booking booking = st.get("crm", bookingPath(bookingId), Map.of(), new ParameterizedTypeReference<Booking>() { });
        addToSummary(booking, transcript);
        return booking(bookingId);
    }

    @Override
    public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript, CrmLead lead) {
        Optional<Booking> booking = bookingOf(lead.leadId());
        booking.ifPresent(b -> addToSummary(b, transcript));
        Optional<Customer> customer = customerWithPhone(lead.phone());
        if (customer.isPresent()) {
            return customerNote(customer.get().id(), BookingText.leadMarker(lead.leadId()),
                    BookingText.leadMarker(lead.leadId()) + " " + BookingText.transcriptNote(transcript, lead.zone()));
        }
        return booking.map(b -> booking(b.id())).orElse(contact);
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
        throw new CrmRejected("a ServiceTitan job needs the lead's trade and urgency to pick its business unit and job type", null);
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job, CrmLead lead) {
        Urgency urgency = lead.details().urgency() == null ? Urgency.ROUTINE : lead.details().urgency();
        String trade = lead.details().trade();
        JobMapping row = JobMapping.find(settings, trade, urgency).orElseThrow(() -> new CrmRejected(
                "no ServiceTitan job mapping for trade " + (trade == null ? "(unknown)" : trade) + " and urgency "
                        + urgency.name().toLowerCase() + "; add it on the CRM screen, then retry", null));
        String where = job.serviceAddress() != null ? job.serviceAddress() : lead.details().serviceAddress();
        Address address = Addresses.parse(where).orElseThrow(() -> new CrmRejected(
                "ServiceTitan needs street, city, state and zip for a job; the caller's address could not be read"
                        + " (the booking stays in the CSRs' queue)", null));
        Optional<Booking> booking = bookingOf(lead.leadId());
        Optional<Job> earlier = booking.flatMap(b -> jobForBooking(b.id()));
        if (earlier.isPresent()) { // made by a try whose answer we lost
            return finishJob(earlier.get(), lead, urgency);
        }
        long[] customerAndLocation = customerAndLocation(lead, address, booking);
        String priority = urgency == Urgency.EMERGENCY ? "Urgent" : row.priority();
        Job created = st.post("jpm", "/jobs", new NewJob(customerAndLocation[0], customerAndLocation[1], row.businessUnitId(),
                row.jobTypeId(), priority, row.campaignId(),
                List.of(new NewJob.Appointment(job.start(), job.end(), job.start(), job.end())),
                RecordText.jobCard(lead.details(), job.start(), job.end(), lead.zone()) + "\n\n" + job.summary()
                        + "\n\nBooked by Redial. Lead in Redial: " + job.link(),
                booking.map(Booking::id).orElse(null)), Job.class);
        return finishJob(created, lead, urgency);
    }

    /**
     * An emergency is marked on the booking (the CSRs' queue sorts by priority) with the reason on top.
     * ServiceTitan's tasks need employees and task types we do not know, so the booking is the task.
     */
    @Override
    public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
        Optional<Booking> booking = bookingOf(task.leadId());
        if (booking.isEmpty()) {
            throw new CrmRejected("no booking for lead " + task.leadId() + " to mark as an emergency", null);
        }
        Booking b = booking.get();
        String summary = b.summary() == null ? task.body() : b.summary();
        if (!summary.startsWith(task.subject())) {
            summary = task.subject() + "\n" + summary;
        }
        st.patch("crm", bookingPath(b.id()), new BookingUpdate(null, null, summary, "Urgent", null, null, null), Booking.class);
        return booking(b.id());
    }

    private CrmRecordRef finishJob(Job job, CrmLead lead, Urgency urgency) {
        if (urgency == Urgency.EMERGENCY) {
            List<Note> notes = st.get("jpm", "/jobs/" + job.id() + "/notes", Map.of("pageSize", 50), NOTES).data();
            if (notes.stream().noneMatch(n -> n.text().startsWith(EMERGENCY_MARK))) {
                st.post("jpm", "/jobs/" + job.id() + "/notes", new NewNote(BookingText.emergencyNote(lead), true), Note.class);
            }
        }
        return new CrmRecordRef(JOB, String.valueOf(job.id()));
    }

    /** The caller's customer and a location at this address: reused when ServiceTitan has them, else created. */
    private long[] customerAndLocation(CrmLead lead, Address address, Optional<Booking> booking) {
        List<ContactMethod> phone = List.of(ContactMethod.mobile(BookingText.national(lead.phone())));
        Optional<Customer> found = customerWithPhone(lead.phone());
        if (found.isEmpty()) {
            Customer created = st.post("crm", "/customers", new NewCustomer(BookingText.name(lead), "Residential", address,
                    List.of(new NewCustomer.Place(address.street(), address, phone)), phone), Customer.class);
            if (created.locations() == null || created.locations().isEmpty()) {
                throw new CrmRejected("ServiceTitan created customer " + created.id() + " without a location", null);
            }
            booking.ifPresent(b -> conversationFromSummary(created.id(), b, lead));
            return new long[] {created.id(), created.locations().getFirst().id()};
        }
        long customerId = found.get().id();
        booking.ifPresent(b -> conversationFromSummary(customerId, b, lead));
        List<Location> locations = st.get("crm", "/locations", Map.of("customerId", customerId, "pageSize", 100), LOCATIONS).data();
        Optional<Location> same = locations.stream().filter(l -> Addresses.samePlace(l.address(), address)).findFirst();
        if (same.isPresent()) {
            return new long[] {customerId, same.get().id()};
        }
        Location created = st.post("crm", "/locations", new NewLocation(customerId, address.street(), address, phone), Location.class);
        return new long[] {customerId, created.id()};
    }

    /**
     * The conversation may have closed before the customer existed, so it only reached the booking's summary:
     * it goes onto the customer too, as the note it would have been (once per lead, whichever work comes first).
     */
    private void conversationFromSummary(long customerId, Booking booking, CrmLead lead) {
        Booking current = st.get("crm", bookingPath(booking.id()), Map.of(), new ParameterizedTypeReference<Booking>() { });
        String summary = current.summary();
        int at = summary == null ? -1 : summary.indexOf("\n\n--- Conversation");
        if (at >= 0) {
            String marker = BookingText.leadMarker(lead.leadId());
            customerNote(customerId, marker, marker + " (from booking " + booking.id() + ")\n" + summary.substring(at + 2));
        }
    }

    private void addToSummary(Booking booking, Transcript transcript) {
        String current = booking.summary() == null ? "" : booking.summary();
        st.patch("crm", bookingPath(booking.id()), BookingUpdate.summary(BookingText.withConversation(current, transcript)),
                Booking.class);
    }

    /** A customer note, unless one starting with {@code marker} is already there (a retry). */
    private CrmRecordRef customerNote(long customerId, String marker, String text) {
        List<Note> notes = st.get("crm", "/customers/" + customerId + "/notes", Map.of("pageSize", 200), NOTES).data();
        Optional<Note> earlier = notes.stream().filter(n -> n.text().startsWith(marker)).findFirst();
        Note note = earlier.orElseGet(() -> st.post("crm", "/customers/" + customerId + "/notes", new NewNote(text, false), Note.class));
        return new CrmRecordRef(CUSTOMER_NOTE, customerId + "/" + note.id());
    }

    private Optional<Customer> customerWithPhone(PhoneNumber phone) {
        return st.get("crm", "/customers", Map.of("phone", BookingText.national(phone), "active", "True", "pageSize", 10),
                CUSTOMERS).data().stream().findFirst();
    }

    private Optional<Booking> bookingOf(long leadId) {
        return st.get("crm", bookingsPath(), Map.of("externalId", externalId(leadId), "pageSize", 1), BOOKINGS)
                .data().stream().findFirst();
    }

    private Optional<Job> jobForBooking(long bookingId) {
        return st.get("jpm", "/jobs", Map.of("bookingId", bookingId, "pageSize", 1), JOBS).data().stream().findFirst();
    }

    private String bookingsPath() {
        String provider = settings.get(BOOKING_PROVIDER);
        if (provider == null || !provider.matches("\\d+")) {
            throw new CrmRejected("no ServiceTitan Booking Provider Tag id is set; enter it on the CRM screen", null);
        }
        return "/booking-provider/" + provider + "/bookings";
    }

    private String bookingPath(long id) {
        return bookingsPath() + "/" + id;
    }

    static String externalId(long leadId) {
        return String.valueOf(leadId);
    }

    private static CrmRecordRef booking(long id) {
        return new CrmRecordRef(BOOKING, String.valueOf(id));
    }

    /**
     * Only what differs from the booking, or null when nothing does: a retry sends no write, and an unchanged
     * summary is not written back over a conversation another worker just added to it.
     */
    private static @Nullable BookingUpdate changes(Booking now, BookingUpdate wanted) {
        BookingUpdate diff = new BookingUpdate(differs(now.name(), wanted.name()),
                wanted.address() != null && !Addresses.samePlace(now.address(), wanted.address()) ? wanted.address() : null,
                differs(now.summary(), wanted.summary()), differs(now.priority(), wanted.priority()),
                differs(now.businessUnitId(), wanted.businessUnitId()), differs(now.jobTypeId(), wanted.jobTypeId()),
                differs(now.campaignId(), wanted.campaignId()));
        return diff.equals(new BookingUpdate(null, null, null, null, null, null, null)) ? null : diff;
    }

    private static <T> @Nullable T differs(@Nullable T now, @Nullable T wanted) {
        return wanted == null || wanted.equals(now) ? null : wanted;
    }

    /** A booking's patch address names all six fields; a missing unit is sent empty. */
    private static Address forPatch(Address a) {
        return a.unit() == null ? new Address(a.street(), "", a.city(), a.state(), a.zip(), a.country()) : a;
    }
}
