package io.redial.receptionist.triage;

/**
 * When a failed heater or air conditioner becomes a life-safety emergency, in °F, editable per tenant.
 * With a vulnerable person at home (infant, elderly, oxygen or medical equipment, pregnancy) the {@code vulnerable…}
 * limits apply to an inside temperature and the {@code outdoor…} ones to an outside one; the {@code anyone…}
 * limits make it an emergency for anybody.
 */
public record SafetyThresholds(int vulnerableHeatBelow, int vulnerableCoolAbove, int outdoorColdBelow,
        int outdoorHotAbove, int anyoneHeatBelow, int anyoneCoolAbove) {

    public static final SafetyThresholds DEFAULTS = new SafetyThresholds(62, 85, 35, 100, 45, 95);
}
