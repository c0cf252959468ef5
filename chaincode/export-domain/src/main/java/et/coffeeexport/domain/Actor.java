package et.coffeeexport.domain;

/** Who asks for a transition: a person of an organisation in a role. */
public record Actor(Organisation organisation, Role role) {}
