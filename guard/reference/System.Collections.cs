// nanoFramework System.Collections: non-generic only. There is no System.Collections.Generic.
namespace System.Collections
{
    public interface IEnumerator { object Current { get; } bool MoveNext(); void Reset(); }
    public interface IEnumerable { IEnumerator GetEnumerator(); }
    public interface ICollection : IEnumerable
    {
        int Count { get; }
        bool IsSynchronized { get; }
        object SyncRoot { get; }
        void CopyTo(Array array, int index);
    }
    public interface IList : ICollection
    {
        object this[int index] { get; set; }
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        int Add(object value);
        void Clear();
        bool Contains(object value);
        int IndexOf(object value);
        void Insert(int index, object value);
        void Remove(object value);
        void RemoveAt(int index);
    }
    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }
        ICollection Keys { get; }
        ICollection Values { get; }
        bool Contains(object key);
        void Add(object key, object value);
        void Clear();
        void Remove(object key);
    }

    public class ArrayList : IList, ICloneable
    {
        public extern ArrayList();
        public virtual extern int Capacity { get; set; }
        public virtual extern int Count { get; }
        public virtual extern bool IsFixedSize { get; }
        public virtual extern bool IsReadOnly { get; }
        public virtual extern bool IsSynchronized { get; }
        public virtual extern object SyncRoot { get; }
        public virtual extern object this[int index] { get; set; }
        public virtual extern int Add(object value);
        public virtual extern void Clear();
        public virtual extern object Clone();
        public virtual extern bool Contains(object item);
        public virtual extern void CopyTo(Array array);
        public virtual extern void CopyTo(Array array, int arrayIndex);
        public virtual extern IEnumerator GetEnumerator();
        public virtual extern int IndexOf(object value);
        public virtual extern void Insert(int index, object value);
        public virtual extern void Remove(object obj);
        public virtual extern void RemoveAt(int index);
        public virtual extern object[] ToArray();
        public virtual extern Array ToArray(Type type);
    }

    /// <summary>nanoFramework Hashtable: keys must have unique hash codes.</summary>
    public class Hashtable : IDictionary, ICloneable
    {
        public extern Hashtable();
        public extern Hashtable(int capacity);
        public virtual extern object this[object key] { get; set; }
        public virtual extern int Count { get; }
        public virtual extern bool IsSynchronized { get; }
        public virtual extern object SyncRoot { get; }
        public virtual extern ICollection Keys { get; }
        public virtual extern ICollection Values { get; }
        public virtual extern void Add(object key, object value);
        public virtual extern void Clear();
        public virtual extern object Clone();
        public virtual extern bool Contains(object key);
        public virtual extern bool ContainsKey(object key);
        public virtual extern void CopyTo(Array array, int arrayIndex);
        public virtual extern IEnumerator GetEnumerator();
        public virtual extern void Remove(object key);
    }
}
