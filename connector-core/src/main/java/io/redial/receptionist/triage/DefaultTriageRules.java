package io.redial.receptionist.triage;

import static io.redial.leads.Urgency.EMERGENCY;
import static io.redial.leads.Urgency.URGENT;
import static io.redial.receptionist.triage.Routing.BOOK_URGENT;
import static io.redial.receptionist.triage.Routing.ESCALATE;

import io.redial.leads.Urgency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The built-in rules every tenant starts with; a tenant's own row with the same code replaces one. */
public final class DefaultTriageRules {

    private DefaultTriageRules() {
    }

    static final List<TriageRule> ALL = List.of(
            rule("gas-smell", "hvac", "smell gas|smells like gas|smelling gas|gas smell|smell of gas|gas leak|leaking gas|rotten egg|olor a gas|huele a gas|fuga de gas",
                    EMERGENCY, ESCALATE,
                    "If you smell gas, leave the building now. Don't flip switches or use flames inside. Once outside, call your gas utility or 911.",
                    "Si huele a gas, salga del edificio ahora. No toque interruptores ni use fuego adentro. Ya afuera, llame a su compañía de gas o al 911.",
                    null, null),
            rule("co-alarm", "hvac", "carbon monoxide|co alarm|co detector|co monitor|monoxido",
                    EMERGENCY, ESCALATE,
                    "Get everyone out into fresh air now and call 911 from outside. Don't go back in until they say it's safe.",
                    "Salgan todos al aire libre ahora y llame al 911 desde afuera. No vuelvan a entrar hasta que digan que es seguro.",
                    null, null),
            rule("heating-fire", "hvac", "flames|on fire|fire coming|fireball|llamas|fuego;furnace|furnce|heater|boiler|water heater|calentador|calefactor",
                    EMERGENCY, ESCALATE,
                    "If there are flames or smoke, get everyone out now and call 911 from outside. Only if it's safe, switch the unit off on the way out.",
                    "Si hay llamas o humo, salgan todos ahora y llame al 911 desde afuera. Solo si es seguro, apague el equipo al salir.",
                    null, null),
            rule("no-heat-freezing", "hvac", "no heat|heat is out|heat went out|heat not working|heat isn't working|heater not working|heater stopped|furnace|sin calefaccion|calefaccion no|calentador no|no hay calefaccion;freez|below zero|below 32|teens|cold|frio|helada|congel|baby|elderly",
                    EMERGENCY, ESCALATE,
                    "Keep a faucet dripping so pipes don't freeze, and keep any space heater well away from anything that can burn.",
                    "Deje una llave goteando para que no se congelen las tuberías y mantenga los calentadores lejos de cosas que puedan quemarse.",
                    "Is anyone at home elderly, very young or unwell?", "¿Hay alguien en casa mayor, bebé o enfermo?"),
            rule("no-cooling-extreme-heat", "hvac", "no ac|ac not working|ac isn't working|ac is out|ac stopped|ac quit|ac died|air conditioner|air conditioning|not cooling|no cooling|blowing warm|blowing hot|sin aire|aire acondicionado|el aire no;100|105|110|115|triple digit|extreme heat|heat wave|elderly|baby|calor",
                    EMERGENCY, ESCALATE,
                    "Stay cool meanwhile: drink water, close the blinds, and go somewhere air-conditioned if anyone feels unwell.",
                    "Mientras tanto: tome agua, cierre las cortinas y vaya a un lugar con aire si alguien se siente mal.",
                    null, null),
            rule("burst-pipe", "plumbing", "burst pipe|pipe burst|busted pipe|pipe broke|broken pipe|flooding|flooded|water everywhere|water pouring|water gushing|tuberia rota|se rompio la tuberia|inundacion|inundado|agua por todos",
                    EMERGENCY, ESCALATE,
                    "If you can reach it safely, shut off your main water valve now, and stay clear of outlets near the water.",
                    "Si puede hacerlo con seguridad, cierre ahora la llave principal del agua y aléjese de los enchufes cerca del agua.",
                    null, null),
            rule("sewage-backup", "plumbing", "sewage|sewer back|sewer is back|sewer line back|toilets backing|sewage backing|aguas negras|drenaje se regreso",
                    EMERGENCY, ESCALATE,
                    "Please stop running water and flushing toilets, and keep people and pets away from the sewage.",
                    "Por favor no use agua ni jale los inodoros, y mantenga a personas y mascotas lejos de las aguas negras.",
                    null, null),
            rule("sparking-panel", "electrical", "spark|burning|burnt|smoke|smoking|melting|melted|scorch|buzzing|chispa|humo|quemad|derretid;panel|breaker|outlet|wire|wiring|switch|electrical|plug|socket|enchufe|cable|tablero|contacto",
                    EMERGENCY, ESCALATE,
                    "If you see smoke or flames, get out and call 911. If it's safe, switch off the main breaker and don't touch the panel or outlet.",
                    "Si ve humo o fuego, salga y llame al 911. Si es seguro, apague el interruptor principal y no toque el tablero ni el enchufe.",
                    null, null),
            rule("water-on-electrics", "electrical", "water|leak|wet|agua;outlet|breaker|panel|light fixture|wiring|enchufe|tablero",
                    EMERGENCY, ESCALATE,
                    "Stay out of the water and don't touch anything electrical. Only if you can reach it from a dry spot, switch off the main breaker.",
                    "No pise el agua ni toque nada eléctrico. Solo si puede alcanzarlo desde un lugar seco, apague el interruptor principal.",
                    null, null),
            rule("downed-line", "electrical", "power line down|line is down|downed line|wire down|wires down|cable caido|cables caidos",
                    EMERGENCY, ESCALATE,
                    "Stay at least 30 feet away from the line and call 911 and your electric utility.",
                    "Manténgase a 10 metros del cable y llame al 911 y a su compañía de luz.",
                    null, null),
            rule("active-roof-leak", "roofing", "leak|leaking|dripping|water coming|water is coming|gotera|goteando|entra agua|se mete el agua;roof|ceiling|attic|techo|tejado|atico",
                    EMERGENCY, ESCALATE,
                    "Put a bucket under the drip and move valuables away; if the ceiling sags, stay out from under it and switch off power to that room.",
                    "Ponga una cubeta bajo la gotera y retire sus cosas de valor; si el techo se pandea, no se pare debajo y apague la luz de ese cuarto.",
                    null, null),
            rule("tree-on-roof", "roofing", "tree|branch|limb|arbol|rama;roof|house|fell|fallen|came down|techo|casa|cayo",
                    EMERGENCY, ESCALATE,
                    "Keep everyone out of the rooms under the tree and away from any fallen wires; call 911 if anyone is hurt or wires are down.",
                    "Mantenga a todos fuera de los cuartos bajo el árbol y lejos de cables caídos; llame al 911 si hay heridos o cables en el suelo.",
                    null, null),
            rule("structural-collapse", "roofing", "collapsed|caved in|came down|gave way|se derrumbo|se cayo;roof|ceiling|porch|carport|techo|porche",
                    EMERGENCY, ESCALATE,
                    "Keep everyone out from under the damaged part and away from it. If anyone is hurt or trapped, or can't get out safely, call 911.",
                    "Mantenga a todos lejos y fuera de debajo de la parte dañada. Si alguien está herido o atrapado, o no puede salir con seguridad, llame al 911.",
                    null, null),
            rule("power-out-medical", "electrical", "no power|power is out|lost power|half the house|se fue la luz|sin luz|no hay luz;oxygen|oxigeno|concentrator|concentrador|ventilator|dialysis|dialisis|medical equipment",
                    EMERGENCY, ESCALATE,
                    "If the equipment has a backup (a tank or a battery), switch to it now. If it won't last until the power is back, call 911.",
                    "Si el equipo tiene respaldo (tanque o batería), cámbielo ahora. Si no alcanza hasta que vuelva la luz, llame al 911.",
                    null, null),
            rule("no-heat", "hvac", "no heat|heat is out|heat not working|heater not working|furnace not|furnace is out|furnace won|sin calefaccion|calefaccion no|"
                    + "heat stopped|heater stopped|furnace stopped|heat quit|heater quit|furnace quit|heat died|heater died|furnace died|"
                    + "heat went out|heater went out|heat won|heater won|heat isn|heater isn|heat broke|heater broke|furnace broke",
                    URGENT, BOOK_URGENT, null, null, null, null),
            rule("no-cooling", "hvac", "no ac|ac not working|ac isn't working|ac is out|ac stopped|not cooling|no cooling|blowing warm|sin aire|el aire no|"
                    + "ac quit|ac died|ac went out|ac broke|ac won|ac isn|ac is dead|air quit|air died|air went out|a/c quit|a/c died|a/c stopped",
                    URGENT, BOOK_URGENT, null, null, null, null),
            rule("no-water", "plumbing", "no water|no hot water|water heater leak|water heater is leak|sin agua|no hay agua",
                    URGENT, BOOK_URGENT, null, null, null, null),
            rule("power-out", "electrical", "no power|power is out|lost power|half the house|sin luz|no hay luz|se fue la luz",
                    URGENT, BOOK_URGENT, null, null, null, null),
            rule("storm-damage", "roofing", "missing shingles|shingles blew|hail damage|storm damage|tarp",
                    URGENT, BOOK_URGENT, null, null, null, null));

    private static TriageRule rule(String code, String trade, String terms, Urgency urgency, Routing routing,
            @Nullable String safetyEn, @Nullable String safetyEs, @Nullable String questionEn, @Nullable String questionEs) {
        return new TriageRule(code, trade, TriageRule.terms(terms), urgency, routing, safetyEn, safetyEs,
                questionEn, questionEs, true);
    }
}
