using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Guard;

/// <summary>
/// NANOFRAMEWORK-GUARD, the part no reference assembly can deny: what compiles against the real
/// nanoFramework mscorlib but fails or misbehaves on a device. The 1.17 mscorlib declares a few
/// generic types (Action&lt;T&gt;, Func&lt;T&gt;) that the 1.17 runtime cannot execute; an enum's
/// ToString() and an enum in an interpolated string give its number, not its name; the compiler emits
/// default interface members, checked arithmetic (no OverflowException on nanoFramework), stackalloc
/// and 'in' parameters with nothing in the library to stop it. Each is an error here, named.
/// </summary>
public static class DeniedApis
{
#pragma warning disable RS2008 // not an analyzer package: the guard reports these itself
    private static readonly DiagnosticDescriptor Denied = new("NF0001", "Denied on nanoFramework", "{0}", "Guard", DiagnosticSeverity.Error, true);
#pragma warning restore RS2008

    public static IEnumerable<Diagnostic> Find(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                string? what = Check(node, model);
                if (what != null) yield return Diagnostic.Create(Denied, node.GetLocation(), what);
            }
        }
    }

    private static string? Check(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case TypeParameterListSyntax:
                return "a generic type or method declaration (the nanoFramework 1.17 runtime has no generics)";
            case GenericNameSyntax generic:
                return $"the generic '{generic}' (the nanoFramework 1.17 runtime has no generics)";
            case InvocationExpressionSyntax invocation:
                var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
                if (method is { IsGenericMethod: true })
                    return $"the generic method '{method.ToDisplayString()}' (the nanoFramework 1.17 runtime has no generics)";
                if (method is { Name: "ToString", Parameters.Length: 0 } && invocation.Expression is MemberAccessExpressionSyntax access
                    && model.GetTypeInfo(access.Expression).Type is { TypeKind: TypeKind.Enum } enumType)
                    return $"'{enumType.Name}.ToString()': Enum.ToString() returns the number on nanoFramework, not the name; map names with a switch";
                return null;
            case InterpolationSyntax hole when model.GetTypeInfo(hole.Expression).Type is { TypeKind: TypeKind.Enum } holeType:
                return $"the enum '{holeType.Name}' in an interpolated string: it prints the number on nanoFramework, not the name; map names with a switch";
            case MethodDeclarationSyntax m when m.Parent is InterfaceDeclarationSyntax && (m.Body != null || m.ExpressionBody != null):
                return $"the default interface member '{m.Identifier}' (nanoFramework has none)";
            case CheckedExpressionSyntax c when c.IsKind(SyntaxKind.CheckedExpression):
                return "checked arithmetic (nanoFramework has no OverflowException)";
            case CheckedStatementSyntax c when c.IsKind(SyntaxKind.CheckedStatement):
                return "a checked block (nanoFramework has no OverflowException)";
            case StackAllocArrayCreationExpressionSyntax:
                return "stackalloc (nanoFramework has no Span)";
            case ParameterSyntax p when p.Modifiers.Any(SyntaxKind.InKeyword):
                return $"the 'in' parameter '{p.Identifier}'";
            default:
                return null;
        }
    }
}
