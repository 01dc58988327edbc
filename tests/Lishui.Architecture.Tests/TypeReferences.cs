using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lishui.Architecture.Tests;

/// <summary>
/// Which types each type of an assembly uses, read from its IL with Mono.Cecil (NetArchTest's
/// reader). Unlike NetArchTest's namespace filter it folds closures, lambdas and async state
/// machines into the type that declares them, where most calls of a handler live.
/// </summary>
internal static class TypeReferences
{
    /// <summary>Every (declaring top-level type, used type or member's type) pair, by full name.</summary>
    public static IEnumerable<(TypeDefinition Owner, TypeReference Used, MemberReference? Member)> Of(Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var found = new List<(TypeDefinition, TypeReference, MemberReference?)>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            void Add(TypeReference? t, MemberReference? member = null)
            {
                foreach (var part in Parts(t))
                {
                    found.Add((owner, part, member));
                }
            }

            Add(type.BaseType);
            foreach (var i in type.Interfaces)
            {
                Add(i.InterfaceType);
            }

            foreach (var f in type.Fields)
            {
                Add(f.FieldType);
            }

            foreach (var m in type.Methods)
            {
                Add(m.ReturnType);
                foreach (var p in m.Parameters)
                {
                    Add(p.ParameterType);
                }

                if (!m.HasBody)
                {
                    continue;
                }

                foreach (var v in m.Body.Variables)
                {
                    Add(v.VariableType);
                }

                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(t);
                            break;
                        case MethodReference called:
                            Add(called.DeclaringType, called);
                            Add(called.ReturnType);
                            if (called is GenericInstanceMethod generic)
                            {
                                foreach (var a in generic.GenericArguments)
                                {
                                    Add(a);
                                }
                            }

                            break;
                        case FieldReference field:
                            Add(field.DeclaringType, field);
                            Add(field.FieldType);
                            break;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The namespace a (possibly nested) type lives in.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>A type and its generic arguments and element types, each on its own.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Parts)))
                {
                    yield return part;
                }

                break;
            case TypeSpecification spec:
                foreach (var part in Parts(spec.ElementType))
                {
                    yield return part;
                }

                break;
            default:
                yield return type;
                break;
        }
    }
}
