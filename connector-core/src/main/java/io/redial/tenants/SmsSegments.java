package io.redial.tenants;

/**
 * How many SMS segments a text costs. GSM-7 fits 160 characters in one segment (153 per segment when
 * split; extension characters such as {@code €} or {@code [} take two); anything outside GSM-7, an emoji
 * say, switches the whole text to UCS-2: 70 per segment, 67 when split.
 */
public record SmsSegments(String encoding, int units, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        int gsmUnits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                return ucs2(text);
            }
        }
        return new SmsSegments("GSM-7", gsmUnits, gsmUnits <= 160 ? 1 : ceil(gsmUnits, 153));
    }

    private static SmsSegments ucs2(String text) {
        int units = text.length(); // UTF-16 code units: an emoji outside the BMP costs two
        return new SmsSegments("UCS-2", units, units <= 70 ? 1 : ceil(units, 67));
    }

    private static int ceil(int units, int perSegment) {
        return (units + perSegment - 1) / perSegment;
    }
}
