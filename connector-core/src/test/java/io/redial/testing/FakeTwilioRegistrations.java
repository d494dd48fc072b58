package io.redial.testing;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The account's Messaging Services, US A2P campaigns, brands, toll-free verifications and owned numbers, for
 * {@link FakeTwilio}: Twilio's paths and JSON shapes (Messaging v1 pages with their {@code meta}; the 2010 API's
 * IncomingPhoneNumbers page), and what Twilio checks (an unknown service or brand is a 404 with code 20404).
 */
public final class FakeTwilioRegistrations {

    record Campaign(String sid, String status, String brandSid, @Nullable String error, @Nullable Integer attMps) {
    }

    record Brand(String sid, String status, @Nullable String failureReason) {
    }

    record Verification(String sid, String status, @Nullable String rejectionReason) {
    }

    /** A Messaging Service: its sender pool, and its campaign if one was registered. */
    record Service(String sid, List<String> numbers, @Nullable Campaign campaign) {
    }

    private final String accountSid;
    final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, Brand> brands = new ConcurrentHashMap<>();
    /** Owned numbers: E.164 to their PN sid. */
    private final Map<String, String> owned = new ConcurrentHashMap<>();
    private final Map<String, Verification> verifications = new ConcurrentHashMap<>();

    FakeTwilioRegistrations(String accountSid) {
        this.accountSid = accountSid;
    }

    /** A Messaging Service whose sender pool holds {@code numbers}, with no campaign yet. */
    public void service(String serviceSid, String... numbers) {
        services.put(serviceSid, new Service(serviceSid, List.of(numbers), null));
    }

    /**
     * The service's A2P campaign ({@code campaign_status} as Twilio spells it: PENDING, IN_PROGRESS, VERIFIED,
     * FAILED, SUSPENDED) on a brand ({@code status}: PENDING, IN_REVIEW, APPROVED, FAILED, SUSPENDED).
     */
    public void campaign(String serviceSid, String campaignStatus, @Nullable String campaignError, String brandStatus,
            @Nullable String brandFailure, @Nullable Integer attMps) {
        String brandSid = sid("BN");
        brands.put(brandSid, new Brand(brandSid, brandStatus, brandFailure));
        Service service = services.get(serviceSid);
        services.put(serviceSid, new Service(serviceSid, service.numbers(),
                new Campaign(sid("QE"), campaignStatus, brandSid, campaignError, attMps)));
    }

    /** A number on the account; {@code status} its toll-free verification (null: none submitted). */
    public void tollFree(String number, @Nullable String status, @Nullable String rejectionReason) {
        String numberSid = owned.computeIfAbsent(number, n -> sid("PN"));
        if (status == null) {
            verifications.remove(numberSid);
        } else {
            verifications.put(numberSid, new Verification(sid("HH"), status, rejectionReason));
        }
    }

    boolean knowsService(String serviceSid) {
        return services.containsKey(serviceSid);
    }

    boolean poolIsEmpty(String serviceSid) {
        return services.get(serviceSid).numbers().isEmpty();
    }

    /** @return status and body, or null when the path is not one of these resources */
    String @Nullable [] answer(String method, String path, Map<String, String> query) {
        if (!method.equals("GET")) {
            return null;
        }
        String[] p = path.split("/");
        if (path.equals("/v1/Services")) {
            return page("services", services.values().stream().map(this::serviceJson).toList(), path);
        }
        if (p.length == 5 && path.startsWith("/v1/Services/") && p[4].equals("PhoneNumbers")) {
            Service service = services.get(p[3]);
            return service == null ? notFound(path) : page("phone_numbers",
                    service.numbers().stream().map(n -> numberJson(service.sid(), n)).toList(), path);
        }
        if (p.length == 6 && path.startsWith("/v1/Services/") && path.endsWith("/Compliance/Usa2p")) {
            Service service = services.get(p[3]);
            return service == null ? notFound(path) : page("compliance", service.campaign() == null ? List.of()
                    : List.of(campaignJson(service.sid(), service.campaign())), path);
        }
        if (path.startsWith("/v1/a2p/BrandRegistrations/")) {
            Brand brand = brands.get(p[4]);
            return brand == null ? notFound(path) : new String[] {"200", brandJson(brand)};
        }
        if (path.equals("/v1/Tollfree/Verifications")) {
            String numberSid = query.get("TollfreePhoneNumberSid");
            Verification v = numberSid == null ? null : verifications.get(numberSid);
            return page("verifications", v == null ? List.of() : List.of(verificationJson(numberSid, v)), path);
        }
        if (path.equals("/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers.json")) {
            String number = query.get("PhoneNumber");
            List<String> items = owned.entrySet().stream().filter(e -> number == null || e.getKey().equals(number))
                    .map(e -> "{\"sid\":\"" + e.getValue() + "\",\"account_sid\":\"" + accountSid + "\",\"phone_number\":\""
                            + e.getKey() + "\",\"friendly_name\":\"" + e.getKey() + "\",\"capabilities\":{\"sms\":true,\"voice\":true}}")
                    .toList();
            return new String[] {"200", "{\"incoming_phone_numbers\":[" + String.join(",", items) + "],\"end\":0,"
                    + "\"first_page_uri\":null,\"next_page_uri\":null,\"page\":0,\"page_size\":50,\"previous_page_uri\":null,"
                    + "\"start\":0,\"uri\":null}"};
        }
        return null;
    }

    private String serviceJson(Service s) {
        return "{\"sid\":\"" + s.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"friendly_name\":\"Redial line\","
                + "\"date_created\":\"2026-11-01T10:00:00Z\",\"date_updated\":\"2026-11-01T10:00:00Z\","
                + "\"url\":\"https://messaging.twilio.com/v1/Services/" + s.sid() + "\"}";
    }

    private String numberJson(String serviceSid, String number) {
        String numberSid = owned.computeIfAbsent(number, n -> sid("PN"));
        return "{\"sid\":\"" + numberSid + "\",\"account_sid\":\"" + accountSid + "\",\"service_sid\":\"" + serviceSid
                + "\",\"phone_number\":\"" + number + "\",\"country_code\":\"US\",\"capabilities\":[\"SMS\",\"MMS\"],"
                + "\"date_created\":\"2026-11-01T10:00:00Z\",\"date_updated\":\"2026-11-01T10:00:00Z\","
                + "\"url\":\"https://messaging.twilio.com/v1/Services/" + serviceSid + "/PhoneNumbers/" + numberSid + "\"}";
    }

    private String campaignJson(String serviceSid, Campaign c) {
        return "{\"sid\":\"" + c.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"brand_registration_sid\":\"" + c.brandSid()
                + "\",\"messaging_service_sid\":\"" + serviceSid + "\",\"campaign_id\":\"CFAKE01\",\"campaign_status\":\""
                + c.status() + "\",\"description\":\"Customers who call and are missed get one text back.\","
                + "\"us_app_to_person_usecase\":\"CUSTOMER_CARE\",\"mock\":false,\"errors\":["
                + (c.error() == null ? "" : "{\"code\":30896,\"description\":\"" + c.error() + "\"}") + "],"
                + "\"rate_limits\":" + (c.attMps() == null ? "{}" : "{\"att\":{\"mps\":" + c.attMps() + ",\"msg_class\":\"T\"},"
                        + "\"tmobile\":{\"brand_tier\":\"LOW\"}}")
                + ",\"date_created\":\"2026-11-01T10:00:00Z\",\"date_updated\":\"2026-11-02T10:00:00Z\","
                + "\"url\":\"https://messaging.twilio.com/v1/Services/" + serviceSid + "/Compliance/Usa2p/" + c.sid() + "\"}";
    }

    private String brandJson(Brand b) {
        return "{\"sid\":\"" + b.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"customer_profile_bundle_sid\":\"BU"
                + "0".repeat(32) + "\",\"brand_type\":\"STANDARD\",\"status\":\"" + b.status() + "\",\"tcr_id\":\"BFAKE01\","
                + "\"failure_reason\":" + (b.failureReason() == null ? "null" : "\"" + b.failureReason() + "\"")
                + ",\"errors\":[],\"brand_score\":42,\"mock\":false,\"date_created\":\"2026-11-01T10:00:00Z\","
                + "\"date_updated\":\"2026-11-02T10:00:00Z\",\"url\":\"https://messaging.twilio.com/v1/a2p/BrandRegistrations/"
                + b.sid() + "\"}";
    }

    private String verificationJson(String numberSid, Verification v) {
        String number = owned.entrySet().stream().filter(e -> e.getValue().equals(numberSid)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        return "{\"sid\":\"" + v.sid() + "\",\"account_sid\":\"" + accountSid + "\",\"tollfree_phone_number_sid\":\"" + numberSid
                + "\",\"tollfree_phone_number\":\"" + number + "\",\"status\":\"" + v.status() + "\",\"rejection_reason\":"
                + (v.rejectionReason() == null ? "null" : "\"" + v.rejectionReason() + "\"")
                + ",\"business_name\":\"Acme Plumbing\",\"date_created\":\"2026-11-01T10:00:00Z\","
                + "\"date_updated\":\"2026-11-02T10:00:00Z\",\"url\":\"https://messaging.twilio.com/v1/Tollfree/Verifications/"
                + v.sid() + "\"}";
    }

    /** A Messaging v1 page: the items under {@code key}, and the {@code meta} twilio-java pages by. */
    private static String[] page(String key, List<String> items, String path) {
        String url = "https://messaging.twilio.com" + path + "?PageSize=50&Page=0";
        return new String[] {"200", "{\"" + key + "\":[" + String.join(",", items) + "],\"meta\":{\"page\":0,\"page_size\":50,"
                + "\"first_page_url\":\"" + url + "\",\"previous_page_url\":null,\"url\":\"" + url + "\",\"next_page_url\":null,"
                + "\"key\":\"" + key + "\"}}"};
    }

    private static String[] notFound(String path) {
        return new String[] {"404", "{\"code\":20404,\"message\":\"The requested resource " + path + " was not found\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}"};
    }

    private static String sid(String prefix) {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

}
