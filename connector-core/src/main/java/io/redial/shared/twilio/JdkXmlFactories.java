package io.redial.shared.twilio;

/**
 * twilio-java renders every TwiML answer through JAXP, which looks its XML factories up anew each time:
 * without these properties that lookup scans every jar on the class path for a provider, on the webhook's
 * path (a quarter of the app's CPU under load). No jar here brings one, so the JDK's own are named
 * outright; an operator who sets the properties keeps theirs.
 */
public final class JdkXmlFactories {

    static {
        System.getProperties().putIfAbsent("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
    }

    /** Call before rendering TwiML; the properties are set once, when this class loads. */
    public static void pin() {
        // the static initializer did the work
    }

    private JdkXmlFactories() {
    }
}
