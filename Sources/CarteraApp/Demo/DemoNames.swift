/// Vocabulary for the demo company's customers: Colombian and Latin American small businesses.
enum DemoNames {
    static let businessKinds = [
        "Ferretería", "Comercializadora", "Inversiones", "Distribuciones", "Almacén", "Panadería",
        "Constructora", "Textiles", "Agroinsumos", "Laboratorios", "Transportes", "Tostadora de Café",
        "Droguería", "Papelería", "Muebles", "Lácteos", "Servicios Médicos", "Confecciones",
    ]
    static let businessNames = [
        "El Progreso", "Los Andes", "La Esperanza", "Santa Fe", "del Valle", "Pacífico", "San Martín",
        "Montoya & Hijos", "La Sabana", "El Dorado", "Nueva Granada", "La Candelaria", "Altiplano",
        "Río Magdalena", "Sierra Nevada", "Caribe", "Los Llanos", "Buenavista", "La Floresta", "Chapinero",
    ]
    /// The first customers, always there: the README's guide and the browser tests look for them.
    static let fixedCustomers = ["Lácteos Nueva Granada", "Ferretería El Progreso", "Tostadora de Café Sierra Nevada"]
    static let legalSuffixes = ["S.A.S.", "S.A.S.", "S.A.S.", "Ltda.", "S.A."]
    static let foreignCustomers = [
        "Andes Trading LLC", "Pacific Imports Inc.", "Blue Ridge Coffee Co.", "Harbor Foods Ltd.",
        "Summit Supply Corp.",
    ]
    static let firstNames = [
        "María", "Juan", "Carolina", "Andrés", "Luisa", "Felipe", "Paola", "Santiago", "Diana", "Camilo", "Valentina",
        "Jorge",
    ]
    static let lastNames = [
        "Gómez", "Rodríguez", "Martínez", "López", "García", "Hernández", "Ramírez", "Torres", "Castro", "Vargas",
        "Rojas", "Moreno",
    ]
    static let englishFirstNames = ["Emily", "Michael", "Sarah", "David", "Laura"]
    static let englishLastNames = ["Smith", "Johnson", "Brown", "Miller", "Davis"]
    static let products = [
        "Cemento gris 50 kg", "Varilla corrugada 1/2\"", "Café pergamino (arroba)", "Resma papel carta",
        "Tela drill (metro)",
        "Leche entera 1.100 ml", "Servicio de transporte Bogotá–Medellín", "Mantenimiento preventivo",
        "Silla ergonómica",
        "Fertilizante 15-15-15 (bulto)", "Acetaminofén 500 mg x 100", "Consultoría contable (hora)",
    ]
    static let creditReasons = [
        "Devolución de mercancía averiada", "Descuento comercial acordado", "Error en el precio facturado",
    ]
}
