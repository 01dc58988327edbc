using System.Text;
using Lishui.Notification.Domain.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Lishui.Notification.Delivery.Channels;

/// <summary>Notification:Email: the SMTP server e-mail goes through. No host: no e-mail channel.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notification:Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "notice@lishui.local";

    public string FromName { get; set; } = "里水镇党建平台";
}

/// <summary>E-mail over SMTP (MailKit): UTF-8 subject (RFC 2047) and UTF-8 plain-text body.</summary>
public sealed class EmailChannel(IOptions<EmailOptions> options) : IExternalChannel
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutgoingMessage message, RecipientContact contact, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(contact.Email) || !MailboxAddress.TryParse(contact.Email, out var to))
        {
            throw new NoAddressException("No usable e-mail address on the roll.");
        }

        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(Encoding.UTF8, o.FromName, o.From));
        mail.To.Add(to);
        mail.Subject = message.Title;
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, message.Body);
        mail.Body = body;

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host!, o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await smtp.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, ct);
        }

        await smtp.SendAsync(mail, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
