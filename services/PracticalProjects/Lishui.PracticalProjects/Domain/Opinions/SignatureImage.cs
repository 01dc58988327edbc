using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

/// <summary>
/// A signature a household drew on the visiting member's phone or tablet, kept as a PNG image for the
/// collection it was given in; a position refers to it by id.
/// </summary>
public sealed class SignatureImage
{
    public const string ContentType = "image/png";

    /// <summary>A drawn signature is a few kilobytes; anything near this is not one.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private SignatureImage()
    {
        Content = [];
        UploadedBy = Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public OpinionCollectionId CollectionId { get; private set; }

    public byte[] Content { get; private set; }

    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static SignatureImage Store(Guid id, OpinionCollection collection, byte[] content, string uploadedBy, DateTimeOffset now)
    {
        Rules.Check(new CollectionMustBeOpenRule(collection.CompletedAt is not null));
        Rules.Check(new SignatureMustBeAPngImageRule(content));
        return new SignatureImage
        {
            Id = id,
            CollectionId = collection.Id,
            Content = content,
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)),
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }

    /// <summary>The PNG signature bytes followed by an IHDR chunk of a non-empty image.</summary>
    public static bool LooksLikePng(ReadOnlySpan<byte> content) =>
        content.Length >= 33
        && content[..8].SequenceEqual(PngMagic)
        && content[12..16].SequenceEqual("IHDR"u8)
        && System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(content[16..20]) > 0
        && System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(content[20..24]) > 0;
}

public sealed record SignatureMustBeAPngImageRule(byte[] Content) : IBusinessRule
{
    public bool IsBroken() => Content.Length > SignatureImage.MaxBytes || !SignatureImage.LooksLikePng(Content);

    public string Code => "opinion.signature-image-invalid";

    public string Field => "file";

    public string MessageZh => $"手写签名应为 PNG 图片，且不超过 {SignatureImage.MaxBytes / 1024} KB。";

    public string MessageEn => $"A drawn signature must be a PNG image of at most {SignatureImage.MaxBytes / 1024} KB.";
}
