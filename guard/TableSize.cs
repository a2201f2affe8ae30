using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace OpenIdds.Guard;

/// <summary>
/// What an assembly puts into the two tables of nanoFramework's metadata processor that are indexed
/// with 16 bits (65,535 bytes each), read from the compiled image on the host: the byte code (the IL
/// bytes of every method body) and the strings (each distinct name of a type, field, method, type
/// reference and member reference, and each distinct user string, in UTF-8 with a terminator, as the
/// metadata processor stores them). These are a proxy for the metadata processor's own figures;
/// <see cref="SizeBudget"/> holds its calibration against them.
/// </summary>
public readonly record struct TableSize(long ByteCode, long Strings)
{
    public static TableSize Of(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var md = pe.GetMetadataReader();
        long byteCode = 0;
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress != 0) byteCode += pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!.Length;
        }
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in md.TypeDefinitions)
        {
            var t = md.GetTypeDefinition(h);
            strings.Add(md.GetString(t.Name));
            strings.Add(md.GetString(t.Namespace));
        }
        foreach (var h in md.TypeReferences)
        {
            var t = md.GetTypeReference(h);
            strings.Add(md.GetString(t.Name));
            strings.Add(md.GetString(t.Namespace));
        }
        foreach (var h in md.FieldDefinitions) strings.Add(md.GetString(md.GetFieldDefinition(h).Name));
        foreach (var h in md.MethodDefinitions) strings.Add(md.GetString(md.GetMethodDefinition(h).Name));
        foreach (var h in md.MemberReferences) strings.Add(md.GetString(md.GetMemberReference(h).Name));
        foreach (var h in md.AssemblyReferences) strings.Add(md.GetString(md.GetAssemblyReference(h).Name));
        if (md.GetHeapSize(HeapIndex.UserString) > 1)
            for (var us = MetadataTokens.UserStringHandle(1); !us.IsNil; us = md.GetNextHandle(us))     strings.Add(md.GetUserString(us));
        strings.Remove("");
        long stringBytes = strings.Sum(s => (long)Encoding.UTF8.GetByteCount(s) + 1);
        return new TableSize(byteCode, stringBytes);
    }
}
