package io.redial.receptionist.triage;

import io.redial.receptionist.reading.Language;
import io.redial.receptionist.reading.TextSpeak;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code-enforced life-safety rules: hazard × conditions × people, read from the caller's words in English
 * or Spanish, typos and text-speak included. No tenant setting can switch these off; the tenant's
 * {@link SafetyThresholds} only say where cold or heat becomes dangerous. Each hazard names the built-in
 * triage rule whose safety text and paging apply.
 */
public final class LifeSafety {

    /** A hazard found, and the built-in rule code that carries its safety text. */
    record Hazard(String code, String trade) {
    }

    // Words that undo a danger word right after them: "no smell", "no leaks inside", "not sparking".
    private static final Pattern NEGATED = Pattern.compile(
            "(?<![a-z])(?:none of (?:them|those|it)|no|not|never|without|sin|isnt|isn't|wasnt|wasn't|dont|don't|doesnt|doesn't|didnt|didn't|nothing|nada|ni)"
                    + "\\s+(?:(?:any|a|gas|real|other|more|visible|active|esta|is|it's|its|burning|weird|funny|strange|bad|odd|foul)\\s+)?"
                    + "(?:smell|smells|odor|olor|leak|leaks|leaking|spark|sparks|sparking|smoke|water|problems?|issues?|damage|"
                    + "drip|drips|dripping|rain|raining|lloviendo|llueve|gotea|huele|huelo|burning|burnt|going off|beeping|chirping|sounding|"
                    + "came down|come down|fell|fallen|came through|came thru|coming up|backing up|backed up|holes?|cracks?|dents?)\\w*"
                    // the whole list denied: "nothing burning or sparking", "no humo ni chispas"
                    + "(?:\\s+(?:or|nor|ni)\\s+(?:any\\s+)?\\w+)*");

    /**
     * A danger the caller asks us to claim rather than reports: "just say there's a gas leak", "mark it as a fire",
     * "tell the on call tech theres a gas leak so he gets here faster". Only that clause (to the next comma or stop)
     * is left out, so a danger told beside it still counts; "tell me" and "imagine" are left alone, as callers in
     * real trouble write them too.
     */
    private static final Pattern PRETENDED = Pattern.compile("(?:(?<![a-z])(?:pretend|make it (?:sound|look) like|"
            + "(?:respond|reply|answer|act|behave|proceed|treat (?:this|it|me)) as (?:if|though)|hypothetically|"
            + "let'?s say|role ?play|for (?:a |this )?test(?:ing)?|this is (?:just |only )?a test|"
            + "(?:classify|mark|log|file|flag|code|list|treat|put down) (?:this|it|me) (?:down )?as|fingir|finge|diga que|pon que|ponga que)"
            + "|(?:^|[.!?,:;\\n]\\s*|(?<![a-z])(?:just|please|pls|plz|and|then|you|u|can you|could you|can u|ok)\\s+)"
            + "(?:say\\s+|tell\\s+(?!me\\s|us\\s)(?:\\S+\\s+){0,4}?)(?:that\\s+)?(?:there'?s|theres|there is|it'?s|its|it is|we have|we got))"
            + "[^.!?,;\\n]*");
    /** The caller says a danger they named is not real: "theres no real leak", "not actually a fire". Left out too. */
    private static final Pattern NOT_REAL = Pattern.compile("(?<![a-z])(?:(?:isn'?t|isnt|wasn'?t|wasnt|aint|not)\\s+(?:really|actually)\\s+"
            + "(?:a\\s+|an\\s+|any\\s+)?(?:gas|leak|fire|emergency|smell|spark|flood)|(?:no|not an?)\\s+(?:real|actual)\\s+"
            + "(?:gas|leak|fire|emergency|smell|spark|flood))\\w*");

    // A smell denied whole: "no huele a quemado", "doesn't smell like gas", "no smell of burning".
    private static final Pattern NEGATED_SMELL = Pattern.compile("(?<![a-z])(?:no|not|ni|doesnt|doesn't|dont|don't|nothing)\\s+"
            + "(?:huele|huelo|hay olor|smell|smells|smelling)\\s+(?:a\\s+|like\\s+|of\\s+)?\\w+");
    /** Someone else's trouble: "my neighbor's water heater burst, I want mine replaced before that happens". */
    private static final Pattern ELSEWHERE = Pattern.compile("(?<![a-z])(?:neighbou?r'?s?|vecin[oa]s?|my friend'?s|on the news)(?![a-z])");
    /** ... unless it reached us: "a limb off the neighbor's oak came through our roof". */
    private static final Pattern OURS = Pattern.compile("(?<![a-z])(?<!not )(?:our|ours|us|we|mine|nuestr[a-z]*|mi casa|"
            + "my (?!neighbou?r|vecin|friend)[a-z]+)(?![a-z])");
    private static final Pattern SENTENCE = Pattern.compile("[.!?;\\n]+");
    private static final Pattern SMELL = words("smell|smelling|whiff|odor|odour|stink|stench|olor|huele|oler|apesta");
    private static final Pattern GASSY = words("gas|propane|rotten egg|egg|huevo|sulfur|sulphur|natural gas|skunk|zorrillo|"
            // the smell of unlit gas, described: "like the stove right before the burner catches"
            + "like (?:the|a) (?:stove|burner|gas stove|range)|burner (?:catches|lights|lites)|before (?:the|a) burner");
    private static final Pattern GAS_LEAK = words("gas leak|leaking gas|gas is leaking|fuga de gas|escape de gas|hissing gas");

    private static final Pattern CO = words("carbon monoxide|co alarm|co detector|co monitor|co sensor|monoxido|"
            // a device named by its label: "the one that says CO on it"
            + "(?:says|reads|labeled|marked|shows) co\\b");
    private static final Pattern ALARMING = words("going off|goes off|went off|beep|chirp|sounding|sonando|suena|pita|pitido|"
            + "no deja de sonar|keeps");
    private static final Pattern SYMPTOM = words("headache|dizzy|dizziness|nause|vomit|throwing up|faint|drowsy|lightheaded|"
            + "mareo|mareado|dolor de cabeza|duele(?:\\s+\\S+){0,2}\\s+la cabeza|feel sick|feels sick|feeling sick|getting sick|"
            + "woozy|head is pounding|head pounding|pounding head|splitting head|ganas de vomitar");
    private static final Pattern ALARM_DEVICE = words("detector|alarm|monitor|sensor");
    /** Symptoms in a home where fuel is burning, no alarm needed: the heater runs, or the whole household feels it. */
    private static final Pattern BURNING_FUEL = words("running all night|been running|running all day|kicked on|came on|"
            + "turned on|is on|was on|generator|fireplace|space heater|gas heater|everyone|everybody|all of us|we all|we both|"
            + "whole family|the kids|todos|los ninos|a mi y|nos duele|nos sentimos|andamos|"
            // a gas range run for warmth: "oven door open and all 4 burners going"
            + "burners (?:going|on|lit|running)|oven (?:door )?open|oven on|heating with the (?:oven|stove)|horno (?:prendido|abierto)|"
            // the caller too: "i got a headache too"
            + "(?:headache|dizzy|sick|nauseous) too|me too");
    private static final Pattern FLAMES = words("flames|on fire|fire coming|fire out of|fireball|rollout|roll out|rolling out|llamas|fuego");
    private static final Pattern HEATING_UNIT = words("furnace|furnce|furnance|heater|boiler|water heater|calentador|calefactor");
    private static final Pattern SHOCK = words("shocked|shocking|got shocked|shock me|shock when|electric shock|zapped|zaps|"
            + "electrocut|tingle|tingling|me dio toque|da toques|toque electrico|descarga");
    private static final Pattern SHOCK_THING = words("faucet|sink|tub|shower|water|outlet|switch|plug|appliance|washer|dryer|"
            + "fridge|refrigerator|stove|oven|light|metal|pipe|llave|regadera|enchufe|apagador");
    private static final Pattern HEATING = words("heater|heat|furnace|furnce|furnance|boiler|calentador|calefaccion|stove|estufa|"
            + "oven|burners|horno");

    private static final Pattern FIRE = words("spark|sparking|arcing|arced|burning|burnt|burned|smoke|smoking|smolder|melt|scorch|"
            + "charred|black mark|chispa|chispit|chisporrot|humo|crackl|flash of light|flashes of light|"
            + "(?:flash|flashed|flashes)\\s+(?:from|out of|behind|inside)|quemad|derretid|hot to the touch|warm to the touch|too hot to touch|hot to touch|popped and|flames|fire\\b|"
            // overheating wiring: melting plastic smells of fish, and browns the plate around the holes
            + "fishy|fish smell|dead fish|burning plastic|melting plastic|plastic smell|discolor|brown around|turned brown|browned");
    private static final Pattern ELECTRIC_THING = words("outlet|panel|breaker|switch|wire|wiring|plug|socket|cord|fixture|"
            + "receptacle|electrical|enchufe|tablero|contacto|apagador|cable|fuse|meter|dimmer|switch plate|cover plate|faceplate|"
            + "the plate");
    private static final Pattern HOT_ELECTRIC = Pattern.compile(
            "(?:outlet|panel|breaker|switch|plug|socket|enchufe|tablero|faceplate|face plate|cover plate|switch plate)s?\\s+"
                    + "(?:is|are|feels?|getting|gets|esta|se siente)\\s+(?:very\\s+|really\\s+|so\\s+|kinda\\s+|kind of\\s+|a little\\s+)?(?:hot|warm|caliente)");

    /** A single spark as a loaded plug comes out or goes in is normal; any other sign of fire still counts. */
    private static final Pattern UNPLUG_SPARK = Pattern.compile("(?<![a-z])(?:(?:a|one|little|small|tiny|blue|quick)\\s+)*spark(?:s|ed)?\\s+"
            + "(?:\\S+\\s+){0,3}?(?:when|as|while)\\s+(?:i|we|he|she|my [a-z]+)\\s+(?:\\S+\\s+)?(?:unplug|plug|pull|yank)\\w*");
    private static final Pattern WATER_MOVING = words("leak|leaking|dripping|drip|pouring|running into|running onto|coming in|"
            + "pooling|pooled|puddl|ran under|running under|seeping|soaking|standing water|"
            + "spraying|gushing|flooding|soaked|wet|water on|water in|water into|rain is coming|rain coming|agua|mojad|gotea|"
            // water on its way through the house: "water coming through the kitchen ceiling and out the light fixture"
            + "water(?:\\s+\\S+){0,2}\\s+(?:coming|running|pouring|dripping|leaking|gushing)\\s+(?:through|thru|out|down|from)");
    private static final Pattern ELECTRIC_NEAR_WATER = words("outlet|breaker box|breaker panel|panel|breaker|fuse box|light fixture|"
            + "light|wiring|enchufe|tablero|electrical box|junction box|power strip|extension cord|surge protector|regleta|extension electrica");

    private static final Pattern BROKEN = words("burst|bursted|busted|split|broke|broken|cracked|rupture|revent|rompi|roto|rota|exploded|"
            + "gave out|gave way|let go|blew out");
    private static final Pattern PIPE = words("pipe|pipes|water line|supply line|main line|tubo|tuberia|caneria");
    private static final Pattern FLOODING = words("flooding|flooded|water everywhere|water all over|spraying|gushing|"
            + "pouring out|ankle deep|inches of water|standing water|inund|water coming up|agua por todos|"
            // water on the move through the house: "water pouring all over the laundry room", "water running into the hall"
            + "water(?:\\s+\\S+){0,2}\\s+(?:pourin|gushin|sprayin|shootin|spurtin)g?(?:\\s+\\S+)?\\s+(?:all over|everywhere|into|onto|across|out|up)|"
            // "running out" is left out: "the hot water keeps running out" is a small tank, not a flood
            + "water(?:\\s+\\S+){0,2}\\s+(?:running|flowing)\\s+(?:all over|everywhere|into|onto|across|down the|under)|"
            + "(?:pouring|gushing|spraying)(?:\\s+\\S+){0,3}\\s+(?:all over|everywhere)|geyser|like a fountain|brotando agua|sale agua a chorros|"
            // a pipe burst out of sight: "water running inside the wall", "coming out under the baseboard"
            + "water(?:\\s+\\S+){0,2}\\s+(?:running|flowing|spraying|gushing|pouring)\\s+(?:inside|in|behind|through)\\s+the\\s+(?:wall|walls|ceiling|floor)|"
            + "(?:coming|seeping|pouring|running) out (?:from )?(?:under|of) the (?:baseboard|wall|floor)");

    private static final Pattern SEWAGE = words("sewage|sewer back|sewer is back|sewer backing|sewer line back|aguas negras|"
            + "raw sewage|drenaje se regres|drenaje regresa|sewer water|sewage water|agua negra");
    private static final Pattern WASTE = words("poop|feces|caca|excremento|popo|smells like sewer|smell of sewer|sewer smell|"
            + "(?:smells?|reeks?|stinks?)(?: like| of)?(?: a)? sewer|its brown|it's brown|brown stuff|brown gunk|"
            + "olor a drenaje|huele a drenaje|brown water|agua cafe");
    private static final Pattern BACKING_UP = words("backing up|backed up|coming up|coming back up|came up|comes up|overflow|regres|se salio|"
            + "saliendo|on the floor|all over the floor|into the hall|al pasillo|en el piso|over the rim|"
            + "(?:on|all over) the (?:bathroom|bath|kitchen|laundry|garage) floor");

    private static final Pattern LEAKING = words("leak|leaking|dripping|drips|pouring in|pouring through|coming in|coming through|"
            + "water coming|raining in|rain coming in|gotera|goteando|gotea|entra agua|entrando agua|entrando el agua|"
            + "se mete el agua|se esta metiendo|cae agua|cayendo agua|bulging|sagging|caving|collaps|"
            + "(?:rain|water|agua)\\s+(?:is\\s+|was\\s+|keeps\\s+)?(?:getting|coming|blowing|pouring|running|pushing)\\s+(?:straight\\s+)?(?:in|inside|through|thru)(?![a-z])");
    /** The roof opened ("I can see the sky", "the wind took part of the roof"): a danger only while rain falls. */
    private static final Pattern OPENED = words("see the sky|see daylight|see sky|open to the sky|se ve el cielo|"
            + "hole in (?:the|my|our) roof|(?:blew|blown|ripped|torn|tore) (?:off|away)|se llevo");
    private static final Pattern OVERHEAD = words("ceiling|roof|attic|skylight|shingle|tiles|techo|tejado|tejas|atico");
    private static final Pattern STALE = words("old|dry|months|last spring|last summer|last year|last month|last week|stain|"
            + "spot|seca|viej|hace meses|used to|dried|fixed");
    private static final Pattern HABITUAL = words("when it rains|every time it rains|whenever it rains|cuando llueve");
    /** Signs the water is coming in as we speak, which outweigh any sign of an old or habitual leak. */
    private static final Pattern ACTIVE = words("right now|currently|as we speak|raining|pouring|fast|bulging|sagging|buckets|"
            + "lloviendo|llueve mucho|ahorita mismo");
    /** Weaker signs ("now", "storm"): enough when nothing says the leak is old, habitual or only to be checked. */
    private static final Pattern PRESENT = words("now|storm|tormenta|ahorita|ahora");

    private static final Pattern INQUIRY = words("check|inspect|inspection|quote|estimate|looking for|prevent|before winter|"
            + "revis|cotiza|a ver|come look|take a look|look at");
    // Devices named after a danger are not the danger: "install smoke detectors" is a routine job.
    private static final Pattern DEVICE_NAMES = Pattern.compile("(?:smoke|fire|co|carbon monoxide)\\s+(?:detector|alarm)s?|"
            + "(?:detector|alarma)s?\\s+de\\s+(?:humo|monoxido)");

    private static final Pattern TREE = words("tree|limb|branch|arbol|rama");
    /** A whole tree on the house is a danger; a branch is one only when it broke something or let water in. */
    private static final Pattern WHOLE_TREE = words("trees?(?! (?:limb|branch))|arbol(?!\\s+\\S+\\s+rama)");
    private static final Pattern BROKE_IN = words("through|thru|hole|punctur|crushed|smashed|caved|cracked|broke (?:the|a|through|thru|into)|"
            + "into the (?:house|room|bedroom|attic|ceiling|kitchen)|came inside|leak|water coming|rain coming|see the sky|"
            + "rafter|ceiling|window|wires?\\b|power line|atraves|agujero|hoyo|rompio|gotea|entra agua");
    private static final Pattern FELL = words("fell|fallen|came down|came thru|came through|crashed|cayo|callo|se cayo|"
            + "through the roof|thru the roof|"
            // resting where it fell: "the tree is on the house"; not "a limb rubs on our roof"
            + "(?:is|are|landed|lying|laying|sitting|resting|now) (?:on|onto) (?:the|our|my) (?:roof|house|home)");
    private static final Pattern BUILDING = words("roof|house|home|bedroom|ceiling|attic|techo|casa|cuarto");

    private static final Pattern DOWNED_LINE = words("power line down|power lines down|line is down|downed line|wire down|"
            + "wires down|line fell|lines fell|cable caido|cables caidos|se cayo (?:un|el) cable|cayo (?:un|el) cable|"
            // "the wire from the pole to our house is hanging down in the yard"
            + "(?:wire|wires|line|lines|cable|service drop)(?:\\s+\\S+){0,8}\\s+(?:hanging|on the ground|in the yard|in the street|"
            + "ripped off|pulled off|torn off|laying|lying|sparking)");

    /** Power gone where a machine keeps someone breathing or alive: "se fue la luz ... concentrador de oxigeno". */
    private static final Pattern POWER_OUT = words("no power|power is out|power went out|power's out|powers out|lost power|"
            + "power outage|power is off|power cut|half the house|half of the house|half my house|half our house|"
            + "lights went out|se fue la luz|sin luz|no hay luz|no tiene luz|no tienen luz|no tenemos luz|apagon|se corto la luz|"
            // one circuit gone: "the breaker for the back bedrooms tripped and wont stay on"
            + "(?:breaker|circuit)(?:\\s+\\S+){0,5}?\\s+(?:tripped|trips|keeps tripping|wont stay on|won't stay on|went out|is out|is dead)|"
            + "(?:no|lost) power (?:to|in)|outlets? (?:are |is )?dead");
    private static final Pattern LIFE_SUPPORT = words("oxygen|oxigeno|concentrator|concentrador|ventilator|respirador|"
            + "dialysis|dialisis|life support|medical equipment|medical device|on a machine|suction machine|feeding pump");
    /** Part of the structure come down or giving way: "the porch roof came down", "ceiling caved in". */
    private static final Pattern COLLAPSE = Pattern.compile("(?<![a-z])(?:roof|ceiling(?!\\s+fan)|porch(?!\\s+light)|carport|awning|overhang|patio cover|"
            + "techo|tejado|porche|cochera)(?:\\s+\\S+){0,3}?\\s+(?:collapsed|collapsing|caved in|caving in|came down|fell in|"
            + "fell down|gave way|giving way|pulled away|pulling away|is coming down|se cayo|se derrumbo|se vino abajo|se hundio)"
            + "|(?<![a-z])(?:collapsed|caved in|se derrumbo)(?:\\s+\\S+){0,2}\\s+(?:roof|ceiling|porch|techo)");

    private static final Pattern NO_HEAT_DEVICE = words("heat|heater|heating|furnace|furnce|furnance|boiler|calefaccion|calentador|"
            + "calefactor|heat pump");
    private static final Pattern NO_COOL_DEVICE = words("ac\\b|a/c|air conditioner|air conditioning|air con|aire|cooling|hvac|central air|"
            + "minisplit|mini split|blowing hot air|blowing warm air");
    private static final Pattern FAILED = words("no\\b|not\\b|out\\b|quit|died|dead|stopped|broke|broken|wont|won't|isnt|isn't|doesnt|doesn't|"
            + "down\\b|off\\b|no sirve|no funciona|no prende|no enciende|no enfria|no calienta|se descompuso|blowing warm|blowing hot|"
            + "blowing cold|blows cold|blowing cool|puro aire frio|echa aire frio|(?:pushing|putting out|only) cold air|"
            + "failed|gone out|went out");
    private static final Pattern COLD = words("freezing|frozen|cold|frio|fria|helad|congel|below zero|teens|chilly|"
            + "shivering|temblando|tiritando");
    /** An age that makes heat or cold dangerous: "he's 88", "she is 94", "tiene 79 años". */
    private static final Pattern ELDER_AGE = Pattern.compile("(?<![a-z])(?:he'?s|she'?s|hes|shes|he is|she is|(?:mom|mother|dad|father|grandma|grandpa) is|tiene|who'?s)\\s+"
            + "(?:7[5-9]|[89]\\d|1[01]\\d)(?!\\d)(?!\\s*(?:degrees|°|grados|inside|in here|adentro))");
    /** Trouble the caller says is behind them: "sparked last week, kept it off since", "fixed a fitting, all good since". */
    private static final Pattern RESOLVED = words("all good since|been fine since|fine since|fixed a fitting|capped it|got it capped|"
            + "kept it off since|no leak now|no more leak|water back on and no leak|came out and fixed|already fixed|ya lo arreglaron|"
            + "fixed it back then|fixed back then|no problems since|no issues since|never had a problem since|"
            // a smell that turned out to be something else: "thought it was gas but it was the disposal"
            + "turned out (?:to be|it was)|turns out (?:it was|to be)|but it was (?:just )?(?:the|a|an|our|my) |"
            + "smell (?:is|was) gone|smell went away|resulto ser|era (?:la|el) (?:basura|comida|triturador|drenaje)");
    private static final Pattern PAST_TIME = words("last week|last month|last winter|last year|last spring|last summer|last fall|"
            + "in the freeze|during the freeze|the big freeze|months ago|weeks ago|years ago|yrs ago|a while back|back then|"
            + "\\d+ (?:years|year|yrs|yr|months|mos) ago|last (?:january|february|march|april|may|june|july|august|september|"
            + "october|november|december)|la semana pasada|el mes pasado|el invierno pasado|hace (?:\\d+|un|dos|tres|unos) (?:anos|meses)");
    private static final Pattern STILL = words("still|again|right now|now|currently|keeps|keep|getting worse|todavia|sigue|otra vez");
    private static final Pattern HOT = words("heat wave|sweltering|burning up|extreme heat|triple digit|so hot|too hot|calor|"
            + "hot in here|boiling|heat stroke|overheat");
    private static final Pattern VULNERABLE = words("baby|babies|infant|newborn|new born|month old|months old|week old|weeks old|"
            + "day old|days old|wk old|wks old|mo old|mos old|toddler|elderly|"
            + "grandma|grandpa|grandmother|grandfather|granny|abuel|senior|oxygen|oxigeno|dialysis|dialisis|cpap|bipap|ventilator|"
            + "medical equipment|medical device|on a machine|wheelchair|bedridden|bed ridden|disabled|handicap|pregnant|embarazada|"
            + "recien nacido|bebe|bebito|sick|enferm|heart condition|chemo|asthma|copd|hospice|frail|invalid|ninos chiquitos");

    private LifeSafety() {
    }

    /** The first hazard the words show, if any; a code rule, so nothing a model proposes can lower it. */
    static Optional<Hazard> assess(String text, SafetyThresholds limits) {
        String spelled = NOT_REAL.matcher(PRETENDED.matcher(TextSpeak.spelledOut(Language.plain(text))).replaceAll(" "))
                .replaceAll(" ");
        String plain = NEGATED.matcher(NEGATED_SMELL.matcher(spelled).replaceAll(" ")).replaceAll(" ");
        if (ELSEWHERE.matcher(plain).find()) { // only then are sentences about someone else's trouble left out
            plain = String.join(". ", SENTENCE.splitAsStream(plain).filter(s -> !ELSEWHERE.matcher(s).find() || OURS.matcher(s).find()).toList());
        }
        // A smell, a spark or a burst the caller has put behind them is a job to book, unless it is back.
        boolean behind = RESOLVED.matcher(plain).find() || (PAST_TIME.matcher(plain).find() && !STILL.matcher(plain).find());
        if (!behind && (GAS_LEAK.matcher(plain).find() || (SMELL.matcher(plain).find() && GASSY.matcher(plain).find()))) {
            return hazard("gas-smell", "hvac");
        }
        boolean symptoms = SYMPTOM.matcher(plain).find();
        if ((CO.matcher(plain).find() && (ALARMING.matcher(plain).find() || symptoms))
                || (symptoms && ALARM_DEVICE.matcher(plain).find() && ALARMING.matcher(plain).find())
                || (symptoms && HEATING.matcher(plain).find() && ALARMING.matcher(plain).find())
                || (symptoms && HEATING.matcher(plain).find() && BURNING_FUEL.matcher(plain).find())) {
            return hazard("co-alarm", "hvac");
        }
        if (FLAMES.matcher(plain).find() && HEATING_UNIT.matcher(plain).find()) {
            return hazard("heating-fire", "hvac");
        }
        String devicesOut = UNPLUG_SPARK.matcher(DEVICE_NAMES.matcher(plain).replaceAll(" ")).replaceAll(" ");
        if (!behind && ((FIRE.matcher(devicesOut).find() && ELECTRIC_THING.matcher(plain).find()) || HOT_ELECTRIC.matcher(plain).find()
                || (SHOCK.matcher(plain).find() && SHOCK_THING.matcher(plain).find()))) {
            return hazard("sparking-panel", "electrical");
        }
        if (DOWNED_LINE.matcher(plain).find()) {
            return hazard("downed-line", "electrical");
        }
        if (WATER_MOVING.matcher(plain).find() && ELECTRIC_NEAR_WATER.matcher(plain).find()) {
            return hazard("water-on-electrics", "electrical");
        }
        if (SEWAGE.matcher(plain).find() || (WASTE.matcher(plain).find() && BACKING_UP.matcher(plain).find())) {
            return hazard("sewage-backup", "plumbing");
        }
        if (!behind && ((BROKEN.matcher(plain).find() && PIPE.matcher(plain).find()) || FLOODING.matcher(plain).find())) {
            return hazard("burst-pipe", "plumbing");
        }
        if (TREE.matcher(plain).find() && FELL.matcher(plain).find() && BUILDING.matcher(plain).find()
                && (WHOLE_TREE.matcher(plain).find() || BROKE_IN.matcher(plain).find())) {
            return hazard("tree-on-roof", "roofing");
        }
        if (COLLAPSE.matcher(plain).find()) {
            return hazard("structural-collapse", "roofing");
        }
        if (POWER_OUT.matcher(plain).find() && LIFE_SUPPORT.matcher(plain).find()) {
            return hazard("power-out-medical", "electrical");
        }
        if (activeRoofLeak(plain)) {
            return hazard("active-roof-leak", "roofing");
        }
        return temperatureDanger(plain, limits);
    }

    private static boolean activeRoofLeak(String plain) {
        if (!OVERHEAD.matcher(plain).find()) {
            return false;
        }
        if (OPENED.matcher(plain).find() && ACTIVE.matcher(plain).find()) {
            return true;
        }
        if (!LEAKING.matcher(plain).find()) {
            return false;
        }
        if (ACTIVE.matcher(plain).find()) {
            return true;
        }
        if (STALE.matcher(plain).find() || HABITUAL.matcher(plain).find()) {
            return false; // "old stain, dry now", "leaks when it rains"
        }
        // "can someone check the roof" is routine, unless it is coming in now.
        return !INQUIRY.matcher(plain).find() || PRESENT.matcher(plain).find();
    }

    /** No heat or no cooling is dangerous for the vulnerable beyond the tenant's limits, and for anyone beyond the extreme ones. */
    private static Optional<Hazard> temperatureDanger(String plain, SafetyThresholds t) {
        if (!FAILED.matcher(plain).find()) {
            return Optional.empty();
        }
        boolean vulnerable = VULNERABLE.matcher(plain).find() || ELDER_AGE.matcher(plain).find();
        List<Temperatures.Reading> temps = Temperatures.read(plain);
        if (NO_HEAT_DEVICE.matcher(plain).find()) {
            boolean cold = COLD.matcher(plain).find() || temps.stream().anyMatch(r -> r.outside()
                    ? r.fahrenheit() <= t.outdoorColdBelow() : r.fahrenheit() <= t.vulnerableHeatBelow());
            boolean extreme = temps.stream().anyMatch(r -> !r.outside() && r.fahrenheit() <= t.anyoneHeatBelow());
            if ((vulnerable && cold) || extreme) {
                return hazard("no-heat-freezing", "hvac");
            }
        }
        if (NO_COOL_DEVICE.matcher(plain).find()) {
            boolean hot = HOT.matcher(plain).find() || temps.stream().anyMatch(r -> r.outside()
                    ? r.fahrenheit() >= t.outdoorHotAbove() : r.fahrenheit() >= t.vulnerableCoolAbove());
            boolean extreme = temps.stream().anyMatch(r -> !r.outside() && r.fahrenheit() >= t.anyoneCoolAbove());
            if ((vulnerable && hot) || extreme) {
                return hazard("no-cooling-extreme-heat", "hvac");
            }
        }
        return Optional.empty();
    }

    private static Optional<Hazard> hazard(String code, String trade) {
        return Optional.of(new Hazard(code, trade));
    }

    /** Word-start matching on {@link Language#plain} text: "spark" finds "sparks" and "sparked", not "aspark". */
    static Pattern words(String alternatives) {
        return Pattern.compile("(?<![a-z0-9ñ])(?:" + alternatives.replace("/", "\\/") + ")");
    }
}
