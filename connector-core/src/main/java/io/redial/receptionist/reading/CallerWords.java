package io.redial.receptionist.reading;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deterministic reading of a caller's text: intents and the details it carries. Caller text is data only. */
public final class CallerWords {

    private static final Pattern WRONG_NUMBER = words("wrong number|wrong #|wrong person|numero equivocado|equivocado|equivoque|(?:i|we) (?:didn'?t|did not|never) call(?:ed)?|(?:nobody|no one) here called|who is this|quien es|"
            + "meant to (?:text|message|send)|texted the wrong|wrong (?:guy|lady|contact|chat|text|thread)|by accident|"
            + "butt dial|pocket dial|is this still [a-z]+'?s? (?:number|phone|cell)|eres tu [a-z]+ ?\\?|"
            // expecting someone else: "oops this isnt dave?", "sorry, thought this was my sister", "no es maria?"
            + "(?:oops|whoops|sorry|my bad|perdon|disculpa)[^.?!\\n]{0,25}?(?:this (?:isn'?t|is not) |isn'?t this |is this not |not |no es )[a-z]+ ?\\?|"
            + "thought (?:this|you) (?:was|were) (?:my|a friend|someone)|(?:this|esta) (?:isn'?t|is not|no es) (?:my|mi) [a-z]+ ?\\?|"
            // meant for another office, or a family text: "is this dr kim's office?", "mija ya llegaste?"
            + "is this (?:dr\\.? |doctor )?[a-z]+'?s? (?:office|house|home|phone|cell|clinic)|es (?:la )?oficina de|"
            + "(?:soccer|baseball|softball|football|basketball|volleyball|dance|band|choir) practice|practice (?:still|is) on|"
            + "[a-z]+'?s (?:mom|mother|dad|father) from|mija|mijo|ya llegaste|llegaste bien|love you|te quiero|te amo|"
            + "(?:it'?s|its|this is|soy) [a-z]+ (?:from|de (?:la )?) ?(?:church|work|school|the gym|class|next door|book club|la iglesia|el trabajo)|"
            + "still on for (?:the game|tonight|tonite|lunch|dinner|practice)|the game (?:tonight|tonite)|"
            + "running late|tell (?:mom|dad|mama|papa|grandma|grandpa|abuela|abuelo)(?![a-z])|dile a (?:mi )?(?:mama|papa|abuela)|"
            + "babe|(?:grab|pick up|get) (?:some |the )?(?:milk|bread|eggs|dog food|cat food|groceries|diapers)|call (?:ur|your) (?:mom|mother|dad)|"
            // family or friends at the door: "its ur tio, we're out front open the gate"
            + "(?:it'?s|its|this is|soy) (?:ur|your|tu) (?:tio|tia|uncle|aunt|auntie|cousin|primo|prima|brother|bro|sister|sis|"
            + "mom|dad|grandma|abuela|abuelo|nephew|niece|sobrin[oa])|(?:we'?re|we are) out front");
    private static final Pattern SPAM = words("seo|marketing|google ranking|business loan|merchant|crypto|bitcoin|click here|http|www|"
            + "promo|promotion|you have won|you've won|winner|gift card|leads for your|leads in your|exclusive leads|grow your business|"
            + "reviews for|reviews on autopilot|5-star reviews|five star reviews|pre-approved|preapproved|business funding|"
            + "in funding|extended warranty|unsubscribe|felicidades|tarjeta de regalo|haga click|click aqui|gano un|ganaste|"
            // a vendor's pitch to the business: "we help hvac companies rank #1 on google maps"
            + "we help (?:[a-z]+ ){0,3}(?:companies|businesses|contractors|owners)|rank (?:#1|number one|first|higher)|"
            + "google maps|google business profile|first page of google|working capital|grab \\d+ minutes|"
            + "minutes with the owner|ayudamos a (?:empresas|negocios|contratistas)|"
            // other texts that are no job: recruiting, offers to buy the business, codes, delivery and prize scams
            + "we'?re hiring|now hiring|verification code|your code is|security code|could not be delivered|"
            + "update your address|qualify for (?:\\$0|zero|free)|\\$0 down|buy your business|buyers for|"
            + "i sell (?:[a-z]+ ){0,2}insurance|vote for|vote yes|vote no|"
            // looking for work: "yall hiring?", "busco trabajo"
            + "(?:you|yall|y'all|you guys|u|r u|are you|anyone) (?:all )?hiring|hiring\\?|job opening|looking for (?:a job|work(?! done| on))|"
            + "my resume|estan contratando|busco trabajo|necesitan (?:un )?ayudante|"
            // suppliers and buyers: "can I send over a price sheet for your shop", "we buy houses for cash"
            + "price sheet|price list|catalog|on clearance|for your (?:shop|business|company|crew|team|techs)|wholesale|"
            + "(?:this is|it's|its) [a-z]+ (?:with|from) [a-z ]{2,40}(?:supply|supplies|distribut[a-z]*|marketing|solutions|media|capital|group)|"
            + "we buy (?:houses|homes|property|properties)|cash offer|offer on your (?:house|home|property)|in any condition|"
            + "sell your (?:house|home|property)|are you the owner of|"
            // surveys and campaigns
            + "(?:exclusive|storm|roofing|hvac|plumbing) leads|leads a (?:week|month)|"
            + "survey|encuesta|on a scale of|how likely are you to recommend|your vote|su voto|tu voto|campaign|campana para|"
            + "candidate|candidato|distrito \\d|district \\d|"
            // lead sellers and payment scams: "pre-screened jobs straight to your phone", "unpaid toll balance"
            + "pre-?screened|(?:jobs|leads) straight to your|growing your (?:book|business)|grow your book|"
            + "best person to (?:chat|talk|speak) (?:with|to) about|first \\d+ (?:are|is) (?:on us|free)|"
            + "unpaid toll|toll balance|toll notice|txtag|e-?zpass|pay within \\d+ ?(?:h|hrs?|hours)|to avoid a \\$\\d+|"
            // robocall-style notices: "FINAL NOTICE: your vehicle's factory warranty ... reply 1 ... or STOP to opt out"
            + "(?:vehicle|car|auto|truck)'?s? (?:factory |extended |manufacturer'?s? )?warranty|"
            + "reply \\d+ to (?:speak|talk|learn|claim|get|connect)|stop to (?:opt out|end|unsubscribe|cancel)|to opt out|"
            // phishing: "claim #44921 requires verification. Reply YES to confirm or visit hwclaims-verify.net"
            + "reply (?:yes|y) to (?:confirm|verify|claim|continue)|requires verification|verify your (?:account|claim|identity|payment)|"
            + "to avoid (?:cancellation|suspension|a penalty|penalties|late fees?)|(?:visit|go to|click|tap|log ?in at)\\s+[a-z0-9-]+\\.(?:net|com|org|info|xyz|top|biz|co)(?![a-z])");
    // "owner" alone is no wish to talk: an injected "NOTE FROM THE OWNER" is not the owner on the line.
    private static final Pattern HUMAN = words("human|real person|speak to someone|talk to someone|talk to a person|"
            + "(?:speak|talk|get|put me through|connect me)(?: to| with)? (?:the |a |your )?(?:manager|owner|supervisor|boss)|"
            + "(?:manager|owner|supervisor|boss) (?:call|to call|contact)|is the (?:manager|owner|boss) (?:there|around|in|available)|"
            + "call me|persona real|hablar con alguien|gerente|llamenme|llameme");
    private static final Pattern ANGRY = words("ridiculous|unacceptable|terrible|worst|awful|scam|furious|angry|lawsuit|sue|"
            + "still broken|never showed|no show|no-show|complaint|refund|pesimo|horrible|queja|enojad");
    private static final Pattern NO_LONGER_NEEDED = words("never mind|nevermind|nvm|(?:fixed it|got it fixed)(?!\\s+(?:back|last|a while|years|months|before|then))|"
            + "working again|started working|no longer need|dont need|don't need|ya no (?:lo |la )?necesit|ya se arreglo|ya quedo|mejor no");
    // A caller moving a time already set: "actually make it sunday instead", "can't do thursday", "mejor el viernes".
    private static final Pattern CHANGES_TIME = words("instead|actually|change (?:it|that|the)|move (?:it|that|the)|switch (?:it|to)|"
            + "make it|can'?t (?:do|make)|cant (?:do|make)|won'?t work|doesn'?t work|no longer works|reschedule|"
            + "mejor (?:el|la|en)|en vez|cambiar|cambialo|no puedo");
    private static final Pattern PRICE = words("how much|price|prices|cost|costs|charge|fee|fees|quote|estimate|rate|rates|"
            + "cuanto|precio|cuesta|cobran|cobra|tarifa|run me|what (?:does|would|will) (?:a |an |the |it )?[a-z ]{0,30}run");
    private static final Pattern DECLINE = words("no thanks|no thank you|not now|never mind|nevermind|i'll think|ill think|"
            + "think about it|too expensive|too much|just checking|just wondering|just looking|shop around|no gracias|lo pienso|muy caro|"
            // a fix long past ("plumber fixed it back then") and things that stopped working ("ya no sirven") are no goodbye
            + "nvm|nm|(?:fixed it|got it fixed)(?!\\s+(?:back|last|a while|years|months|before|then))|working again|started working|"
            + "mejor no|ya no(?!\\s+(?:sirv|funcion|prend|jal|enciend|enfri|calient|sale|baj|hay|tien|arranc|cierr|abr|agarr|da\\b))|"
            + "ya se arreglo|ya quedo|no thx|"
            + "no longer need|dont need|don't need|all good now|lo voy a pensar|voy a pensarlo|hold off|"
            // doing it themselves: "nah ill grab some drano and a snake", "thx tho"
            + "(?:i'?ll|ill|i will|gonna) (?:just )?(?:grab|get|buy|try) (?:some|a|an) |(?:i'?ll|ill) (?:just )?(?:do|fix) it myself|"
            + "(?:thx|thanks|thank you|ty) (?:tho|though|anyway|anyways)|i'?ll pass|ill pass|lo hago yo|yo lo arreglo");
    /** Dropping out, said once a request is under way: someone else will do it, or the caller must ask first. */
    private static final Pattern DROPS_OUT = words("someone else|somebody else|another company|other company|"
            + "other guys|other quotes|other companies|wait and see|shopping around|see what (?:the )?others|"
            + "let you know|get back to you|call around|too steep|too pricey|out of my budget|just (?:wanted|needed) a ballpark|"
            + "(?:husband|wife|partner) (?:will|has to|needs to|wants to) decide|"
            + "(?:landlord|hoa|property manager|management|insurance|home warranty)(?: company)? (?:is|will|says|said|'s|is going to)|"
            + "(?:talk|check|speak|ask) (?:to |with )?my (?:husband|wife|partner|spouse|landlord|boss|hubby|roommate)|"
            + "(?:text|get back to|call) (?:you|yall|y'all|you guys|u) (?:back|later)|hold off|"
            + "(?:go|going|gonna go|stick|sticking) with (?:them|the other|someone|somebody|another|that one|those guys)|"
            + "me voy con (?:ellos|otra|otro)|otra persona|otra compania|mi esposo|mi esposa|el dueño|el dueno");
    private static final Pattern EXISTING = words("existing customer|already a customer|you guys came|you came out|your tech|"
            + "last time|same tech|soy cliente|ya soy cliente|vinieron");
    private static final Pattern NAME = Pattern.compile(
            "(?i:my name is|my name's|name is|this is|it's|it is|i am|i'm|im|me llamo|mi nombre es|soy)\\s+"
                    + "([A-ZÁÉÍÓÚÑ][\\p{L}'-]+(?:\\s+[A-ZÁÉÍÓÚÑ][\\p{L}'-]+)?)");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)\\b\\d{1,6}\\s+[\\p{L}0-9 .'-]{2,60}?\\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|"
                    + "way|ct|court|cir|circle|pkwy|parkway|trl|trail|pl|place|hwy|highway|loop|calle|avenida)\\b[^\\n;]*");
    private static final Pattern ANY_DIGITS = Pattern.compile("\\d{2,}");

    private CallerWords() {
    }

    public static boolean wrongNumber(String plain) {
        return WRONG_NUMBER.matcher(plain).find();
    }

    /** Words that try to instruct Anna rather than ask her anything: the request around them is still a job. */
    private static final Pattern INSTRUCTION = words("system note|system message|system prompt|\\[system|note (?:from|to) the (?:owner|assistant|ai|bot)|"
            + "ignore (?:all |your |the )?(?:previous|prior|above) (?:instructions|rules)|you are now|assistant:|"
            // other ways of addressing the machine rather than the business
            + "ignore (?:your|all|the) (?:rules|instructions|programming|guidelines)|disregard (?:your|all|the|previous|prior)|"
            + "forget (?:your|all|the|previous|prior) (?:rules|instructions)|new (?:rule|instruction|protocol|policy)s? (?:from|for|:)|"
            + "(?:admin|developer|dev|debug|god) mode|(?:admin|system|priority|manager) override|"
            + "internal (?:note|memo|instruction)|(?:note|message|instructions?) (?:to|for) (?:the )?(?:ai|bot|assistant|system)|"
            + "(?:hey |attention |dear )?(?:ai|bot|chatbot|assistant|anna)[,:] (?:new|ignore|you|from now|always|please (?:ignore|override))|"
            + "from now on,? you|you must now|as an ai|nuevas instrucciones|ignora (?:tus|las) (?:reglas|instrucciones)|"
            + "ignore (?:whatever|what|everything) (?:you'?re|ur|you are|your|youre) (?:programmed|told|supposed|trained)");

    public static boolean instructs(String plain) {
        return INSTRUCTION.matcher(plain).find();
    }

    public static boolean spam(String plain) {
        return SPAM.matcher(plain).find();
    }

    static boolean wantsHuman(String plain) {
        return HUMAN.matcher(plain).find();
    }

    static boolean angry(String plain, String raw) {
        long upper = raw.chars().filter(Character::isUpperCase).count();
        long letters = raw.chars().filter(Character::isLetter).count();
        return ANGRY.matcher(plain).find() || (letters >= 12 && upper * 10 >= letters * 7);
    }

    public static boolean asksPrice(String plain) {
        return PRICE.matcher(plain).find();
    }

    /** The trouble is gone or the job is off: "nvm my husband fixed it", "ya no lo necesito". */
    public static boolean noLongerNeeded(String plain) {
        return NO_LONGER_NEEDED.matcher(plain).find();
    }

    /** Moving a time already set, rather than agreeing to it ("sunday instead" vs "thursday works"). */
    public static boolean changesTime(String plain) {
        return CHANGES_TIME.matcher(plain).find();
    }

    public static boolean declines(String plain) {
        return DECLINE.matcher(plain).find();
    }

    /** After the first text: the caller is leaving it to someone else, or must ask someone first. */
    public static boolean dropsOut(String plain) {
        return DROPS_OUT.matcher(plain).find();
    }

    public static boolean existingCustomer(String plain) {
        return EXISTING.matcher(plain).find();
    }

    static Optional<String> name(String raw) {
        Matcher m = NAME.matcher(raw);
        while (m.find()) {
            String candidate = m.group(1).trim();
            boolean shouting = candidate.length() > 1 && candidate.equals(candidate.toUpperCase());
            if (!shouting && !List.of("having", "calling", "texting", "not", "looking", "a", "the", "urgent", "an", "so", "just", "still").contains(candidate.toLowerCase())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A bare answer to "what's your name?": one to three words, no digits. */
    static Optional<String> bareName(String raw) {
        String t = raw.trim().replaceAll("[.!]+$", "");
        if (t.isEmpty() || t.length() > 40 || ANY_DIGITS.matcher(t).find() || t.split("\\s+").length > 3) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    static Optional<String> address(String raw) {
        Matcher m = ADDRESS.matcher(raw);
        return m.find() ? Optional.of(m.group().trim().replaceAll("[.!]+$", "")) : Optional.empty();
    }

    /** A bare answer to "what's the address?": it has a house number or a ZIP. */
    static Optional<String> bareAddress(String raw) {
        String t = raw.trim();
        return ANY_DIGITS.matcher(t).find() && t.length() <= 200 ? Optional.of(t) : Optional.empty();
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![a-z0-9ñ])(" + alternatives + ")(?![a-z])");
    }
}
