package io.redial.admin;

import io.redial.admin.security.TenantScope;
import io.redial.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** Phone numbers as the office reads them: the business's national format, stored numbers stay E.164. */
public record PhoneFormat(PhoneNumber home) {

    /** A business with no line yet is read as North American, as most of ours are. */
    private static final PhoneNumber NORTH_AMERICA = new PhoneNumber("+12025550100");

    public static PhoneFormat of(TenantScope scope) {
        return new PhoneFormat(scope.lines().stream().findFirst().orElse(NORTH_AMERICA));
    }

    public String show(@Nullable PhoneNumber number) {
        return number == null ? "" : number.display(home);
    }
}
