package catalog;

public class Item {
  public String id;
  public String name;

  public Item() {}

  public Item(String id, String name) {
    this.id = id;
    this.name = name;
  }
}
