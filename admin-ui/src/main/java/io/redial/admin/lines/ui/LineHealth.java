package io.redial.admin.lines.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.PhoneFormat;
import io.redial.admin.security.TenantScope;
import io.redial.lines.LineDelivery;
import io.redial.lines.LineReadiness;
import io.redial.lines.Registration;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Scope;

/**
 * Whether the tenant's lines can text, for screens outside Lines: the dashboard (lines that cannot send, and
 * each line's delivery rate) and onboarding (each line's registration and the next step).
 */
@SpringComponent
@Scope("prototype")
public class LineHealth extends Div {

    static final Duration DELIVERY_WINDOW = Duration.ofDays(30);

    private final LineReadiness readiness;
    private final LineDelivery delivery;
    private final TenantScope scope;
    private final PhoneFormat phones;

    LineHealth(LineReadiness readiness, LineDelivery delivery, TenantScope scope) {
        this.readiness = readiness;
        this.delivery = delivery;
        this.scope = scope;
        this.phones = PhoneFormat.of(scope);
    }

    /** A new one for the signed-in tenant, made by Spring (so a screen needs no constructor change to show it). */
    public static LineHealth create() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(LineHealth.class);
    }

    /** The dashboard's notice: lines that cannot send and why, then the delivery rate of each line. */
    public LineHealth forDashboard() {
        setId("line-health");
        scope.tenant().ifPresent(tenant -> {
            readiness.blocked(tenant.id()).forEach(line -> add(warning(line)));
            delivery.backlogs(tenant.id()).forEach(backlog -> add(backlog(backlog)));
            List<LineDelivery.Rate> rates = delivery.rates(tenant.id(), DELIVERY_WINDOW);
            if (rates.stream().anyMatch(r -> r.settled() > 0)) {
                Paragraph rateLine = new Paragraph("Texts delivered in the last 30 days: " + String.join(" · ",
                        rates.stream().filter(r -> r.settled() > 0).map(r -> phones.show(r.line()) + " " + r.percent()
                                + "% of " + r.settled()).toList()));
                rateLine.setId("delivery-rates");
                rateLine.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL);
                add(rateLine);
            }
        });
        return this;
    }

    /** Onboarding's view of the line: its registration in plain words and what to do next. */
    public LineHealth forOnboarding() {
        setId("line-readiness");
        scope.tenant().ifPresent(tenant -> readiness.of(tenant.id()).forEach(line -> {
            Span state = badge(line);
            Paragraph next = new Paragraph(line.nextStep());
            next.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL);
            add(new Div(new Span(phones.show(line.number()) + ": "), state), next);
        }));
        return this;
    }

    private Component warning(LineReadiness.LineState line) {
        Div box = new Div(new H3("Line " + phones.show(line.number()) + " is not live: " + words(line.registration().state())),
                new Paragraph("Carriers block or filter its texts, so missed callers may not get their text back (Redial"
                        + " flags each one for a call back). " + line.nextStep()),
                new RouterLink("Open Phone lines →", LinesView.class));
        box.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.ERROR_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Margin.Bottom.SMALL);
        box.getChildren().filter(H3.class::isInstance).forEach(h -> ((H3) h).addClassNames(LumoUtility.Margin.Top.NONE));
        return box;
    }

    /** During a burst: how long until the last text now waiting goes out. */
    private Component backlog(LineDelivery.Backlog backlog) {
        long seconds = backlog.clearsIn().toSeconds();
        Paragraph queued = new Paragraph("Texts are queued on " + phones.show(backlog.line()) + ": the last caller waiting"
                + " is texted in about " + (seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s")
                + ", at the pace carriers allow this line.");
        queued.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        queued.addClassNames("text-queue");
        return queued;
    }

    static Span badge(LineReadiness.LineState line) {
        Span badge = new Span(words(line.registration().state()));
        badge.getElement().getThemeList().add(line.live() ? "badge success" : "badge error");
        return badge;
    }

    /** A line's texting state as the screens word it. */
    static String words(Registration.State state) {
        return switch (state) {
            case APPROVED -> "Live · registered for texting";
            case UNKNOWN -> "Live · registration not checked yet";
            case PENDING -> "registration under review";
            case REJECTED -> "registration rejected";
            case NOT_REGISTERED -> "not registered for texting";
        };
    }
}
