package io.redial.admin.crm.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmException;
import io.redial.crm.CrmProvider;
import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.StoredConnection;
import io.redial.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import com.vaadin.flow.data.binder.Binder;
import io.redial.admin.Forms;
import java.util.Optional;

/**
 * Connecting a CRM whose tenants hand us a client id and secret (ServiceTitan): the account id, the
 * credentials and the CRM's own settings (e.g. the booking provider tag). Saving first fetches a token, so
 * wrong credentials are refused before anything is stored; the secret is never shown again.
 */
class ClientCredentialsForm extends VerticalLayout {

    final TextField accountId = new TextField();
    final TextField clientId = new TextField("Client ID");
    final PasswordField clientSecret = new PasswordField("Client secret");
    final Map<String, TextField> settings = new LinkedHashMap<>();
    final Button save = new Button();
    final Button disconnect = new Button("Disconnect");
    final Paragraph result = new Paragraph();
    /** Bound to the three credentials: a missing one shows beside its field. */
    final Binder<String[]> form = new Binder<>();

    ClientCredentialsForm(CrmProvider provider, CrmClientCredentials credentials, ClientCredentialConnections connecting,
            TenantId tenant, Runnable changed) {
        String crm = provider.id().value();
        Optional<StoredConnection> stored = connecting.find(tenant, provider.id());
        boolean connected = stored.map(c -> c.status() == ConnectionStatus.CONNECTED).orElse(false);
        setId("credentials-" + crm);
        setPadding(false);
        accountId.setLabel(credentials.accountIdLabel());
        accountId.setId("account-id-" + crm);
        stored.map(StoredConnection::externalAccountId).ifPresent(accountId::setValue);
        clientId.setId("client-id-" + crm);
        clientSecret.setId("client-secret-" + crm);
        clientSecret.setHelperText(connected ? "Stored encrypted; enter it again to change any of these" : "");
        form.forField(accountId).asRequired("Enter the " + credentials.accountIdLabel() + ".").bind(v -> v[0], (v, x) -> v[0] = x);
        form.forField(clientId).asRequired("Enter the client ID.").bind(v -> v[1], (v, x) -> v[1] = x);
        form.forField(clientSecret).asRequired("Enter the client secret.").bind(v -> v[2], (v, x) -> v[2] = x);
        FormLayout fields = new FormLayout(accountId, clientId, clientSecret);
        credentials.connectionSettings().forEach((key, label) -> {
            TextField field = new TextField(label);
            field.setId("setting-" + crm + "-" + key.replace('_', '-'));
            stored.map(c -> c.settings().get(key)).ifPresent(field::setValue);
            settings.put(key, field);
            fields.add(field);
        });
        save.setText(connected ? "Check and save new credentials" : "Check and connect");
        save.setId("connect-" + crm);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> connect(provider, connecting, tenant, changed));
        disconnect.setId("disconnect-" + crm);
        disconnect.setVisible(connected);
        disconnect.addClickListener(e -> {
            connecting.disconnect(tenant, provider.id());
            result.setText(provider.displayName() + " disconnected; its credentials were deleted.");
            changed.run();
        });
        result.setId("credentials-result-" + crm);
        add(new H3((connected ? "" : "Connect ") + provider.displayName() + (connected ? " credentials" : "")), fields,
                new HorizontalLayout(save, disconnect), result);
        form.setBean(new String[] {accountId.getValue(), "", ""}); // what is shown now counts as unchanged
    }

    private void connect(CrmProvider provider, ClientCredentialConnections connecting, TenantId tenant, Runnable changed) {
        result.setText("");
        if (!Forms.valid(form)) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, field) -> values.put(key, field.getValue().trim()));
        try {
            connecting.connect(tenant, provider.id(), accountId.getValue(), clientId.getValue(), clientSecret.getValue(), values);
            result.setText("Connected: " + provider.displayName() + " accepted the credentials.");
            clientSecret.clear();
            changed.run();
        } catch (CrmException refused) {
            Forms.refuse(clientSecret, provider.displayName() + " did not accept them: " + refused.getMessage());
        } catch (IllegalArgumentException invalid) {
            Forms.refuse(accountId, invalid.getMessage());
        }
    }
}
